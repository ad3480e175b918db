// Numbers as the bench prints them, and latency percentiles.
export const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('ru-RU', { minimumFractionDigits: digits, maximumFractionDigits: digits })

/** The p-th percentile of ascending `sorted` (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number
}

export function rss(): string {
  return `${fmt(process.memoryUsage().rss / 2 ** 20)} МБ`
}
