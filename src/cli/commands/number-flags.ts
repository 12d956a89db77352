import { InvalidArgumentError } from 'commander';

/** `--parallel N`: a whole number from 1; anything else is a usage error (exit 64). */
export function positiveInt(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError('must be a whole number of at least 1');
  }
  return n;
}

/** `--wait-timeout S`: seconds, more than 0, fractions allowed (`0.5`). */
export function positiveSeconds(text: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n <= 0) {
    throw new InvalidArgumentError('must be a number of seconds greater than 0');
  }
  return n;
}

/** Operations in flight at once when `--parallel` is not given (the bench's baseline too). */
export const DEFAULT_PARALLEL = 8;

/** `--wait-timeout` when not given: seconds each health or completion wait may take. */
export const DEFAULT_WAIT_TIMEOUT_S = 60;
