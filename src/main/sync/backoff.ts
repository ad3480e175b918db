// How long the desk waits before trying the server again after a failure: doubling from a
// base up to a cap, with jitter so that the desks of an office do not all come back at once.

export interface BackoffPolicy {
  baseMs: number
  maxMs: number
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 60_000 }

/** The delay before attempt `failures` (1, 2, …): doubling from the base, capped, ±20 %. */
export function backoffDelay(
  failures: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const raw = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failures - 1))
  return Math.round(raw * (0.8 + 0.4 * random()))
}
