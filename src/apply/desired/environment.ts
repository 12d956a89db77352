/**
 * `environment` as the engine's `Env`: `KEY=VALUE`, sorted by key so the body (and its config
 * hash) does not depend on the order of a file. A variable left without a value (`- KEY`, not set
 * in the project environment either) is sent as a bare `KEY`, as Compose v2 does
 * (`ToMobyEnv`): the engine then leaves it out of the container, even when the image sets it.
 */
export function toEnv(
  environment: Record<string, string | null> | undefined,
): string[] | undefined {
  if (!environment) return undefined;
  return Object.keys(environment)
    .sort()
    .map((k) => {
      const v = environment[k];
      return v === null || v === undefined ? k : `${k}=${String(v)}`;
    });
}
