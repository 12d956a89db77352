/**
 * Image references as the engine lists them. A nestfile may write `busybox`, `busybox:1`,
 * `docker.io/library/busybox:1` or an image id; `docker image ls` (and the observe pass) list
 * `busybox:latest`, `busybox:1` and `sha256:…`. Comparing the listed form is what tells whether
 * an image is present without asking the engine again.
 */

const DOCKER_HUB_PREFIXES = [
  'docker.io/library/',
  'index.docker.io/library/',
  'registry-1.docker.io/library/',
  'docker.io/',
  'index.docker.io/',
  'registry-1.docker.io/',
];

/** An image id, full (`sha256:` + 64 hex) or short (12+ hex), as `docker run` accepts it. */
const IMAGE_ID = /^(?:sha256:[0-9a-f]{64}|[0-9a-f]{12,64})$/;

/**
 * The form `docker image ls` lists a reference in: Docker Hub prefixes dropped, `:latest` added
 * to a name without tag (the tag is after the last `/`, so a registry port is not a tag). A
 * reference with a digest (`name@sha256:…`) or an id is returned as written.
 */
export function listedImageRef(ref: string): string {
  if (IMAGE_ID.test(ref) || ref.includes('@')) return ref;
  let name = ref;
  for (const p of DOCKER_HUB_PREFIXES) {
    if (name.startsWith(p)) {
      name = name.slice(p.length);
      break;
    }
  }
  const lastSegment = name.slice(name.lastIndexOf('/') + 1);
  return lastSegment.includes(':') ? name : `${name}:latest`;
}

/** Whether the engine has the image, by its listed reference or, for an id, by id or prefix. */
export function imagePresent(ref: string, images: ReadonlySet<string>): boolean {
  if (images.has(ref) || images.has(listedImageRef(ref))) return true;
  if (!IMAGE_ID.test(ref)) return false;
  const full = ref.startsWith('sha256:') ? ref : `sha256:${ref}`;
  for (const image of images) if (image.startsWith(full)) return true;
  return false;
}

/** Whether a reference is an image id rather than a name. */
export function isImageId(ref: string): boolean {
  return IMAGE_ID.test(ref);
}
