import type { Send } from './engine-api.js';
import type { Caller } from './engine-call.js';
import type { ImageSummary } from './types.js';

/** Images: nestc does not pull or build yet, it only needs to know what is present. */
export interface ImageClient {
  list(): Promise<ImageSummary[]>;
  /** Whether the engine has `ref` (a name, `name:tag`, digest or id); false on 404. */
  exists(ref: string): Promise<boolean>;
}

interface ApiImage {
  Id: string;
  RepoTags?: string[] | null;
  RepoDigests?: string[] | null;
}

/** The ImageClient of a real engine. */
export function engineImageClient(send: Send, call: Caller): ImageClient {
  return {
    list: () =>
      call({ op: 'image.list' }, async () => {
        const all = (await send('GET', '/images/json')) as ApiImage[];
        return all
          .map((i) => ({
            id: i.Id,
            repoTags: (i.RepoTags ?? []).filter((t) => t !== '<none>:<none>'),
            repoDigests: (i.RepoDigests ?? []).filter((d) => d !== '<none>@<none>'),
          }))
          .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      }),
    exists: (ref) =>
      call({ op: 'image.inspect', target: ref }, async () => {
        // An image name keeps its slashes in the path (`/images/acme/app:2/json`), as the CLI sends it.
        const body = await send('GET', `/images/${encodeURI(ref)}/json`, { ok: [200, 404] });
        return typeof body === 'object' && body !== null && 'Id' in body;
      }),
  };
}
