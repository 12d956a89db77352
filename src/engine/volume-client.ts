import { filterQuery } from './container-client.js';
import type { Send } from './engine-api.js';
import type { Caller } from './engine-call.js';
import type { ListFilter, VolumeSummary } from './types.js';

/** Named volumes: what observe lists, the executor creates, and `down --volumes` removes. */
export interface VolumeClient {
  list(filter?: ListFilter): Promise<VolumeSummary[]>;
  /**
   * Create from an Engine API `VolumeCreate` body; returns the name. Like the engine, creating a
   * volume whose name exists returns the existing one unchanged (labels included).
   */
  create(body: Record<string, unknown>): Promise<string>;
  remove(name: string, opts?: { force?: boolean }): Promise<void>;
}

interface ApiVolume {
  Name: string;
  Driver?: string;
  Labels?: Record<string, string> | null;
}

/** The VolumeClient of a real engine. */
export function engineVolumeClient(send: Send, call: Caller): VolumeClient {
  return {
    list: (filter) =>
      call({ op: 'volume.list' }, async () => {
        const query = { filters: filterQuery(filter) };
        const res = (await send('GET', '/volumes', { query })) as { Volumes?: ApiVolume[] | null };
        return (res.Volumes ?? [])
          .map((v) => ({ name: v.Name, driver: v.Driver ?? '', labels: { ...(v.Labels ?? {}) } }))
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      }),
    create: (body) =>
      call({ op: 'volume.create', target: String(body.Name ?? '') }, async () => {
        const res = await send('POST', '/volumes/create', { body });
        return (res as { Name: string }).Name;
      }),
    remove: (name, opts) =>
      call({ op: 'volume.remove', target: name }, async () => {
        await send('DELETE', `/volumes/${encodeURIComponent(name)}`, {
          query: { force: opts?.force ? 1 : undefined },
        });
      }),
  };
}
