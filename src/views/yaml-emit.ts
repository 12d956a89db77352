import { keyString, otherScalar, valueString } from './yaml-scalar.js';

/**
 * How the emitter sees plain data: which keys of a mapping it prints, in which order, and the
 * text of a string value. The config view uses it to sort keys and escape `$` while it writes,
 * rather than copying the whole model first (a copy of a 10,000-service project costs as much
 * as writing it).
 */
export interface YamlShape {
  /** The keys of `map` to print, in order; `top` is the root mapping. */
  keys(map: Record<string, unknown>, top: boolean): string[];
  /** The text to print for the string value `s` (keys are printed as they are). */
  text(s: string): string;
}

/** Prints every key as it is, in insertion order, and strings as they are. */
export const AS_IS: YamlShape = {
  keys: (map) => Object.keys(map).filter((k) => map[k] !== undefined),
  text: (s) => s,
};

/**
 * Plain data (mappings, sequences, strings, numbers, booleans, null) as a YAML document in
 * block style, ending in a line break. Why not a YAML library: with a node per scalar, the
 * `yaml` package took seconds for a 10,000-service project, and the output is simple enough
 * that one recursive pass writes it. The text has no anchors, tags or comments; empty
 * collections are written `{}` and `[]`; a sequence is indented under its key. Scalars are
 * quoted only where a YAML 1.1 or 1.2 reader would otherwise read something else (see
 * yaml-scalar.ts).
 */
export function emitYaml(root: Record<string, unknown> | unknown[], shape: YamlShape): string {
  const w = new Writer(shape);
  if (Array.isArray(root)) w.sequence(root, '');
  else w.mapping(root, shape.keys(root, true), '');
  return w.text() + '\n';
}

/** Keys longer than this are written as explicit keys (`? key`), as YAML requires. */
const MAX_IMPLICIT_KEY = 1024;

/** Pieces of text joined into one chunk at a time (see `Writer`). */
const CHUNK_PIECES = 2048;

/**
 * One pass over the data. Pieces of text go to a list that is joined into one flat chunk every
 * `CHUNK_PIECES` pieces, and the chunks are joined once at the end. Appending every piece to
 * one string made it a rope of a million small strings that all lived until the end of the
 * render, which the garbage collector copied again and again (more time than the writing, for
 * 10,000 services); a chunk's pieces die young, where collecting them is cheap.
 */
class Writer {
  private readonly chunks: string[] = [];
  private pieces: string[] = [];

  constructor(private readonly shape: YamlShape) {}

  /** Everything written, as one string. */
  text(): string {
    this.chunks.push(this.pieces.join(''));
    this.pieces = [];
    return this.chunks.join('');
  }

  private put(s: string): void {
    this.pieces.push(s);
    if (this.pieces.length >= CHUNK_PIECES) {
      this.chunks.push(this.pieces.join(''));
      this.pieces = [];
    }
  }

  /** A value whose own further lines (if any) are at `indent`. */
  node(v: unknown, indent: string): void {
    if (typeof v === 'string') this.put(valueString(this.shape.text(v), indent));
    else if (Array.isArray(v)) this.sequence(v, indent);
    else if (v !== null && typeof v === 'object') this.mapping(v as Data, this.keys(v), indent);
    else this.put(otherScalar(v));
  }

  /** A sequence whose first line the caller has placed; further lines start at `indent`. */
  sequence(seq: readonly unknown[], indent: string): void {
    if (seq.length === 0) this.put('[]');
    const inner = indent + '  ';
    for (let i = 0; i < seq.length; i++) {
      if (i > 0) this.put('\n' + indent);
      this.put('- ');
      this.node(seq[i], inner);
    }
  }

  /** A mapping (its `keys` already chosen), placed like a sequence. */
  mapping(map: Data, keys: readonly string[], indent: string): void {
    if (keys.length === 0) this.put('{}');
    const inner = indent + '  ';
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const v = map[k];
      if (i > 0) this.put('\n' + indent);
      const key = keyString(k, inner, indent === '');
      const prefix = key.length > MAX_IMPLICIT_KEY ? '? ' + key + '\n' + indent + ': ' : undefined;
      if (Array.isArray(v)) {
        // A non-empty collection starts on its own line; anything else follows the key.
        this.put(prefix ?? (v.length ? key + ':\n' + inner : key + ': '));
        this.sequence(v, inner);
      } else if (v !== null && typeof v === 'object') {
        const keys = this.keys(v);
        this.put(prefix ?? (keys.length ? key + ':\n' + inner : key + ': '));
        this.mapping(v as Data, keys, inner);
      } else {
        this.put(prefix ?? key + ': ');
        this.node(v, inner);
      }
    }
  }

  private keys(map: object): string[] {
    return this.shape.keys(map as Data, false);
  }
}

type Data = Record<string, unknown>;
