/**
 * Counts of engine calls, split into reads and writes. Idempotency is a measurable claim only if
 * every mutating call is counted: the end-to-end test asserts that a second `up` makes zero
 * writes, and `writesByOp` says which call broke that when it fails.
 */
export class EngineStats {
  reads = 0;
  writes = 0;
  /** Read calls by operation name (`container.list`: 1). */
  readonly readsByOp: Record<string, number> = {};
  /** Write calls by operation name (`container.create`: 3). */
  readonly writesByOp: Record<string, number> = {};

  /** Record one call (attempted, whether or not the engine accepted it). */
  count(op: string, write: boolean): void {
    const table = write ? this.writesByOp : this.readsByOp;
    if (write) this.writes++;
    else this.reads++;
    table[op] = (table[op] ?? 0) + 1;
  }

  /** A copy, to compare before and after a step. */
  snapshot(): StatsSnapshot {
    return {
      reads: this.reads,
      writes: this.writes,
      readsByOp: { ...this.readsByOp },
      writesByOp: { ...this.writesByOp },
    };
  }
}

export interface StatsSnapshot {
  reads: number;
  writes: number;
  readsByOp: Record<string, number>;
  writesByOp: Record<string, number>;
}
