import type { SourceLoc } from '../../diag/diagnostic.js';

/** One feature of the graph that needs a newer Engine API than 1.41. */
export interface ApiNeed {
  version: string;
  why: string;
  loc?: SourceLoc;
}

/**
 * The Engine API versions the graph needs, collected while mapping. `up` compares the highest
 * one with the engine's version before it creates anything, so an old engine fails up front
 * instead of silently ignoring a field it does not know (the engine drops unknown JSON fields).
 */
export class ApiNeeds {
  private best: ApiNeed | undefined;

  need(version: string, why: string, loc?: SourceLoc): void {
    if (this.best && compareApiVersions(version, this.best.version) <= 0) return;
    this.best = { version, why, ...(loc ? { loc } : {}) };
  }

  /** The highest need; on a tie the first one recorded (mapping order is deterministic). */
  get highest(): ApiNeed | undefined {
    return this.best;
  }
}

/** Compare two `MAJOR.MINOR` API versions numerically (`1.9` < `1.41`). */
export function compareApiVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
