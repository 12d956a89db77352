/** A host port or contiguous host port range, inclusive: one claim on the host. */
export interface PortSpan {
  start: number;
  end: number;
}

/**
 * `published` as the loader leaves it (`"8080"` or `"9000-9010"`); undefined for an empty or
 * malformed value, which publishes an ephemeral port (or was already reported by the loader).
 */
export function parseSpan(published: string | number | undefined): PortSpan | undefined {
  if (published === undefined) return undefined;
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(String(published));
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  if (start < 1 || end > 65535 || end < start) return undefined;
  return { start, end };
}

/** Back to the `published` text: a single port stays a single port. */
export function formatSpan(s: PortSpan): string {
  return s.start === s.end ? String(s.start) : `${s.start}-${s.end}`;
}

export function spansOverlap(a: PortSpan, b: PortSpan): boolean {
  return a.start <= b.end && b.start <= a.end;
}

export function shiftSpan(s: PortSpan, by: number): PortSpan {
  return { start: s.start + by, end: s.end + by };
}
