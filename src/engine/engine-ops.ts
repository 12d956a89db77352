/**
 * Every engine call nestc makes, with the kind of object it touches (for messages) and whether it
 * changes the engine (for EngineStats). One table, so a new call cannot forget to say whether it
 * writes: the write count is what the idempotency test trusts.
 */
export const ENGINE_OPS = {
  'system.version': { kind: 'engine', write: false },
  'system.ping': { kind: 'engine', write: false },
  'container.list': { kind: 'container', write: false },
  'container.inspect': { kind: 'container', write: false },
  'container.create': { kind: 'container', write: true },
  'container.start': { kind: 'container', write: true },
  'container.stop': { kind: 'container', write: true },
  'container.remove': { kind: 'container', write: true },
  'container.rename': { kind: 'container', write: true },
  'network.list': { kind: 'network', write: false },
  'network.create': { kind: 'network', write: true },
  'network.remove': { kind: 'network', write: true },
  'network.connect': { kind: 'network', write: true },
  'volume.list': { kind: 'volume', write: false },
  'volume.create': { kind: 'volume', write: true },
  'volume.remove': { kind: 'volume', write: true },
  'image.list': { kind: 'image', write: false },
  'image.inspect': { kind: 'image', write: false },
} as const satisfies Record<string, { kind: EngineObjectKind; write: boolean }>;

export type EngineOp = keyof typeof ENGINE_OPS;

export type EngineObjectKind = 'engine' | 'container' | 'network' | 'volume' | 'image';
