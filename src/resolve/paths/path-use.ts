import type { SourceLoc } from '../../diag/diagnostic.js';
import type { NestPathsCode } from '../../diag/codes/nest-paths.js';
import type { Mount } from './mounts.js';
import type { PathView } from './path-view.js';
import { normalizeAbs, translatePath, type Translation } from './translate.js';

/**
 * How a path is used decides which translations are acceptable: a bind may land in a named
 * volume (it becomes a volume mount), but a build context or a file Compose reads itself needs
 * a host path, and a build context cannot be a single file.
 */
export type PathUse = 'bind' | 'context' | 'dockerfile' | 'file';

/** One path to translate: what it is, for the message, and where it was written. */
export interface PathSite {
  /** `services.agent/tests.volumes[1]`, `services.agent/tests.build.context`, … */
  what: string;
  loc: SourceLoc | undefined;
  use: PathUse;
}

/** A translation the site can use: a host path, or (binds only) a named volume. */
export type Usable = Extract<Translation, { kind: 'bind' | 'volume' }>;

/**
 * `p` (absolute, in the view's owner) through the view's mounts, or undefined after reporting
 * why the host cannot see it from there (rule 2): under no mount, in an anonymous volume or
 * image mount, in a tmpfs, or (for what Compose reads itself) in a named volume. A child's bind
 * of the engine socket that its parent does not have gets its own error (rule 8).
 */
export function translateUse(view: PathView, p: string, site: PathSite): Usable | undefined {
  const t = translatePath(p, view.mounts);
  const isSocket = view.parent !== undefined && normalizeAbs(p) === view.socket;
  if (isSocket && t.kind !== 'bind') {
    reportSocket(view, p, site);
    return undefined;
  }
  switch (t.kind) {
    case 'unmounted':
      report(
        view,
        'nest-path-unmounted',
        site,
        `${p} is not under any mount of ${view.owner}, so the host cannot see it`,
        {
          hint: `mount ${p} (or a directory above it) into ${view.owner} first, with a bind or a named volume, and use it here at the path ${view.owner} sees it at`,
        },
      );
      return undefined;
    case 'opaque':
      report(
        view,
        'nest-path-not-shared',
        site,
        `${p} is inside ${describe(t.via)} that ${view.owner} mounts at ${t.via.target}, which no other container can mount`,
        {
          hint:
            t.via.kind === 'image'
              ? `mount the image ${t.via.image} into this service directly`
              : `give that volume a name in ${view.owner} (for example \`- NAME:${t.via.target}\` and declare \`NAME\` under \`volumes:\`)`,
          via: t.via,
        },
      );
      return undefined;
    case 'tmpfs':
      report(
        view,
        'nest-path-in-tmpfs',
        site,
        `${p} is in the tmpfs of ${view.owner} at ${t.via.target}, which only ${view.owner} can see`,
        {
          hint: `mount a named volume or a bind at ${t.via.target} in ${view.owner} instead of a tmpfs`,
          via: t.via,
        },
      );
      return undefined;
    case 'volume':
      if (site.use === 'bind') return t;
      report(
        view,
        site.use === 'file' ? 'nest-file-not-host' : 'nest-build-context-not-host',
        site,
        `${p} is in the named volume ${t.volume} that ${view.owner} mounts at ${t.via.target}; Compose reads ${site.use === 'file' ? 'this file' : 'a build context'} from a host path, and a volume has none nestc may use`,
        {
          hint:
            site.use === 'file'
              ? `bind the directory holding it into ${view.owner} from a host path`
              : `bind the directory into ${view.owner} from a host path, or build the image beforehand and use \`image:\``,
          via: t.via,
        },
      );
      return undefined;
    case 'bind':
      if (site.use === 'context' && t.via.kind === 'file') {
        report(
          view,
          'nest-build-context-not-host',
          site,
          `${p} is the file ${t.via.source} that ${view.owner} gets as a config or secret, not a directory to build from`,
          {
            hint: `bind the build directory into ${view.owner} from a host path`,
            via: t.via,
          },
        );
        return undefined;
      }
      return t;
  }
}

function reportSocket(view: PathView, p: string, site: PathSite): void {
  const owner = view.owner;
  if (view.endpoint.kind === 'remote') {
    report(
      view,
      'nest-socket-not-shared',
      site,
      `mounts the engine socket ${p}, but the engine is reached at ${view.endpoint.url}, so ${owner} has no socket to share`,
      {
        hint: `pass DOCKER_HOST=${view.endpoint.url} in this service's environment instead of mounting a socket`,
      },
    );
    return;
  }
  report(
    view,
    'nest-socket-not-shared',
    site,
    `mounts the engine socket ${p}, but ${owner} does not have it`,
    {
      hint: `set \`x-nest.socket: host\` on ${owner} (root-equivalent on the host), or remove this mount`,
    },
  );
}

function describe(m: Mount): string {
  return m.kind === 'image' ? `the image ${m.image}` : 'an anonymous volume';
}

/** One located error at the child's entry; the parent's mount, when known, as related. */
export function report(
  view: PathView,
  code: NestPathsCode,
  site: PathSite,
  message: string,
  extra: { hint: string; via?: Mount },
): void {
  const related = extra.via?.loc
    ? [{ message: `${view.owner} mounts ${extra.via.target} here`, loc: extra.via.loc }]
    : undefined;
  view.ctx.diags.error(code, `${site.what}: ${message}`, site.loc, {
    hint: extra.hint,
    ...(related ? { related } : {}),
  });
}
