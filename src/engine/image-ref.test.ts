import { describe, expect, it } from 'vitest';
import { hasImage, normalizeImageRef } from './image-ref.js';

describe('image references', () => {
  it.each([
    ['busybox', 'busybox:latest'],
    ['docker.io/library/busybox:1.36', 'busybox:1.36'],
    ['docker.io/acme/app', 'acme/app:latest'],
    ['registry.local:5000/app', 'registry.local:5000/app:latest'],
    ['registry.local:5000/app:2', 'registry.local:5000/app:2'],
    ['busybox@sha256:abc', 'busybox@sha256:abc'],
  ])('normalizes %s to %s', (ref, want) => {
    expect(normalizeImageRef(ref)).toBe(want);
  });

  it('finds a reference by tag, normalized name, or id prefix', () => {
    const present = new Set(['busybox:latest', `sha256:${'ab12'.repeat(16)}`]);
    expect(hasImage(present, 'busybox')).toBe(true);
    expect(hasImage(present, 'docker.io/library/busybox:latest')).toBe(true);
    expect(hasImage(present, 'ab12ab12ab12')).toBe(true);
    expect(hasImage(present, 'busybox:1')).toBe(false);
    expect(hasImage(present, 'alpine')).toBe(false);
  });
});
