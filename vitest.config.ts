import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    // Engine set-up (containers, networks) can take seconds when files run in parallel.
    hookTimeout: 60_000,
  },
});
