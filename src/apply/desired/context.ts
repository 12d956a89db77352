import { Diagnostics, type SourceLoc } from '../../diag/diagnostic.js';
import type { Project, Service } from '../../model/compose.js';
import { getKeyLoc, getLoc } from '../../model/locations.js';
import type { FlatGraph, FlatServiceInfo } from '../../resolve/types.js';
import { ApiNeeds } from './api-needs.js';

/** Options of `desiredState`. */
export interface DesiredStateOptions {
  /**
   * Labels added to every network, volume and container (after the user's, before nestc's own).
   * Tests mark their objects with a test-run label this way; they count in the config hash.
   */
  extraLabels?: Readonly<Record<string, string>>;
}

/**
 * What every mapper of the desired state shares: the flat project, where diagnostics go, the
 * Engine API versions the graph needs, and how to name a setting in a message. Mappers report
 * what they cannot map here instead of dropping it: a setting nestc does not send to the engine
 * would run a different container than the one the user wrote.
 */
export class DesiredContext {
  readonly diags = new Diagnostics();
  readonly api = new ApiNeeds();
  readonly project: Project;
  readonly extraLabels: Readonly<Record<string, string>>;
  private readonly infos = new Map<string, FlatServiceInfo>();

  constructor(
    readonly graph: FlatGraph,
    options: DesiredStateOptions = {},
  ) {
    this.project = graph.project;
    this.extraLabels = options.extraLabels ?? {};
    for (const info of graph.services) this.infos.set(info.flatName, info);
  }

  /** Nest path of a flat service (its flat name when the graph does not know it). */
  nestPath(service: string): string {
    return this.infos.get(service)?.nestPath ?? service;
  }

  /** Where a flat service was declared in the nestfile. */
  serviceLoc(service: string): SourceLoc | undefined {
    return this.infos.get(service)?.loc;
  }

  /**
   * The position of `container[key]` for a message: the key token (else its value), else the
   * service's declaration, so that no diagnostic is without a place.
   */
  locOf(service: string, container: object, key: PropertyKey): SourceLoc | undefined {
    const loc = Array.isArray(container) ? getLoc(container, key) : getKeyLoc(container, key);
    return loc ?? this.serviceLoc(service);
  }

  /**
   * `services.<nest path>.<path>`: how a setting is named in messages (the nest path is what the
   * user wrote; the flat name is nestc's). Service `''` names a top-level setting by `path` alone
   * (`networks.back.enable_ipv4`).
   */
  settingName(service: string, path: string): string {
    if (service === '') return path;
    return `services.${this.nestPath(service)}${path ? `.${path}` : ''}`;
  }

  /** A setting of a service that nestc does not apply: an error, so nothing runs without it. */
  unsupported(
    service: string,
    path: string,
    loc: SourceLoc | undefined,
    why = 'nestc does not apply this setting to the engine yet',
    hint = 'remove it from the nestfile, or run this project with docker compose',
  ): void {
    this.diags.error('apply-unsupported', `${this.settingName(service, path)}: ${why}`, loc, {
      hint,
    });
  }

  /** A setting Compose itself ignores outside swarm: a warning, and nothing is sent. */
  ignored(service: string, path: string, loc: SourceLoc | undefined, why: string): void {
    this.diags.warn('apply-ignored', `${this.settingName(service, path)}: ${why}`, loc, {
      hint: 'remove it, or leave it for swarm: nestc, like docker compose, does not apply it',
    });
  }

  /** A value the engine needs as a number, size or duration that cannot be read as one. */
  invalid(service: string, path: string, loc: SourceLoc | undefined, why: string): void {
    this.diags.error('apply-invalid-value', `${this.settingName(service, path)}: ${why}`, loc);
  }

  /** The flat service named `name`, if the project has it. */
  service(name: string): Service | undefined {
    return this.project.services[name];
  }
}
