/**
 * An image reference in the form the engine lists it: `busybox` is `busybox:latest`, and Docker
 * Hub's `docker.io/library/` prefix is dropped. Comparing normalized forms is what makes
 * `image: busybox` match the listed `busybox:latest`.
 */
export function normalizeImageRef(ref: string): string {
  let r = ref.trim();
  if (/^sha256:[0-9a-f]+$/.test(r)) return r;
  for (const prefix of [
    'docker.io/library/',
    'index.docker.io/library/',
    'docker.io/',
    'index.docker.io/',
  ]) {
    if (r.startsWith(prefix)) {
      r = r.slice(prefix.length);
      break;
    }
  }
  if (r.includes('@')) return r;
  const lastSlash = r.lastIndexOf('/');
  return r.slice(lastSlash + 1).includes(':') ? r : `${r}:latest`;
}

/** Whether `ref` is among `present` (repo tags, digests and ids as observed). */
export function hasImage(present: ReadonlySet<string>, ref: string): boolean {
  if (present.has(ref)) return true;
  const n = normalizeImageRef(ref);
  if (present.has(n)) return true;
  if (/^(sha256:)?[0-9a-f]{12,64}$/.test(ref)) {
    const id = ref.startsWith('sha256:') ? ref : `sha256:${ref}`;
    for (const p of present) if (p.startsWith(id)) return true;
  }
  return false;
}
