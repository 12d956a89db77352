// The median the load, stages and compile benchmarks report: for an even count, the upper of
// the two middle values (a measured round, never an average of two).
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
