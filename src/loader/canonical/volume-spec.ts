import type { ServiceVolume } from '../../model/compose.js';

/**
 * The service volume short syntax `[SOURCE:]TARGET[:MODE]`, read as compose-go's
 * `format.ParseVolume` reads it: a Windows drive letter (`C:`) does not split; a source starting
 * with `.`, `/`, `~`, `\\` or a drive letter is a bind, anything else a named volume; modes are
 * comma-separated and unknown ones are ignored (reported back so nestc can warn).
 * Paths are kept as written: relative sources are resolved by a later stage.
 */
export interface VolumeSpec {
  volume: ServiceVolume;
  /** `ro` or `rw` was written: `read_only` is meaningful, not a default. */
  readOnlyWritten: boolean;
  /** Fields of `bind` / `volume` that came from written modes. */
  writtenBind: ('propagation' | 'selinux')[];
  nocopyWritten: boolean;
  unknownOptions: string[];
}

export type VolumeSpecResult = { ok: true; spec: VolumeSpec } | { ok: false; message: string };

const PROPAGATIONS = new Set(['rprivate', 'private', 'rshared', 'shared', 'rslave', 'slave']);
const SELINUX = new Set(['z', 'Z']);
/** Docker Desktop's old consistency modes: accepted and ignored by Compose, not worth a warning. */
const LEGACY = new Set(['cached', 'delegated', 'consistent']);

export function parseVolumeSpec(text: string): VolumeSpecResult {
  if (text === '') return { ok: false, message: 'empty volume spec' };
  // Three UTF-16 units are at least three bytes: only a short text needs its bytes counted.
  if (text.length <= 2 && Buffer.byteLength(text) <= 2) {
    return { ok: true, spec: result({ type: 'volume', target: text }, false, [], false, []) };
  }
  // Sections between the colons that separate (a drive letter's colon does not).
  const sections: string[] = [];
  let start = 0;
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) {
    if (i - start <= 2 && isDrive(text.slice(start, i))) continue;
    sections.push(text.slice(start, i));
    start = i + 1;
  }
  sections.push(text.slice(start));
  // Read in order, as compose-go does, so the first problem is the one reported.
  const last = sections.length - 1;
  for (let k = 0; k <= last; k++) {
    if (sections[k] === '') return { ok: false, message: 'empty section between colons' };
    if (k >= 2 && k < last) return { ok: false, message: 'too many colons' };
  }
  // `TARGET`, `SOURCE:TARGET` or `SOURCE:TARGET:MODES`
  const source = last === 0 ? '' : (sections[0] as string);
  const target = sections[last === 0 ? 0 : 1] as string;
  let readOnly: boolean | undefined;
  let propagation: string | undefined;
  let selinux: 'z' | 'Z' | undefined;
  let nocopy = false;
  const unknown: string[] = [];
  if (last === 2) {
    for (const opt of (sections[2] as string).split(',')) {
      if (opt === 'ro') readOnly = true;
      else if (opt === 'rw') readOnly = false;
      else if (opt === 'nocopy') nocopy = true;
      else if (PROPAGATIONS.has(opt)) propagation = opt;
      else if (SELINUX.has(opt)) selinux = opt as 'z' | 'Z';
      else if (!LEGACY.has(opt)) unknown.push(opt);
    }
  }

  const bind = isFilePath(source);
  const volume = { type: bind ? 'bind' : 'volume' } as ServiceVolume;
  if (source !== '') volume.source = source;
  volume.target = cleanPath(target);
  if (readOnly !== undefined) volume.read_only = readOnly;
  const written: ('propagation' | 'selinux')[] = [];
  if (bind || propagation || selinux) {
    const b: NonNullable<ServiceVolume['bind']> = {};
    if (selinux) {
      b.selinux = selinux;
      written.push('selinux');
    }
    if (propagation) {
      b.propagation = propagation;
      written.push('propagation');
    }
    if (bind) b.create_host_path = true; // Compose's legacy rule for the short syntax
    volume.bind = b;
  }
  if (!bind || nocopy) volume.volume = nocopy ? { nocopy: true } : {};
  return { ok: true, spec: result(volume, readOnly !== undefined, written, nocopy, unknown) };
}

function result(
  volume: ServiceVolume,
  readOnlyWritten: boolean,
  writtenBind: ('propagation' | 'selinux')[],
  nocopyWritten: boolean,
  unknownOptions: string[],
): VolumeSpec {
  return { volume, readOnlyWritten, writtenBind, nocopyWritten, unknownOptions };
}

/** A segment of one letter before a `:` is a Windows drive (`C:`), not a separator. */
function isDrive(segment: string): boolean {
  return segment.length <= 2 && /^\p{L}$/u.test(segment);
}

function isFilePath(source: string): boolean {
  if (source === '') return false;
  const c = source[0];
  if (c === '.' || c === '/' || c === '~') return true;
  if (source.startsWith('\\\\')) return true;
  // A drive letter and its colon (`C:...`); the letter may be one code point of two units.
  const first = source.codePointAt(0) as number;
  const width = first > 0xffff ? 2 : 1;
  return source[width] === ':' && /^\p{L}$/u.test(String.fromCodePoint(first));
}

/** Something `path.Clean` would change: `//`, a `.` or `..` segment, a trailing `/`. */
const NOT_CLEAN = /\/\/|(?:^|\/)\.\.?(?:\/|$)|.\/$/;

/** Go's `path.Clean`, which compose-go applies to the target of a short entry. */
export function cleanPath(p: string): string {
  if (p === '' || !NOT_CLEAN.test(p)) return p;
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const s = (rooted ? '/' : '') + out.join('/');
  return s === '' ? '.' : s;
}
