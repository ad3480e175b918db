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

/**
 * One row of a latency table: p50, p95 and max in milliseconds with `digits` decimals, and, when
 * the row has a target, whether its p95 keeps to it.
 */
export function latencyLine(label: string, times: number[], target?: number, width = 44, digits = 3): void {
  const sorted = [...times].sort((a, b) => a - b)
  const p95 = percentile(sorted, 95)
  const verdict =
    target === undefined ? '' : `  норма p95 ≤ ${target} мс: ${p95 <= target ? 'в норме' : 'ВЫШЕ НОРМЫ'}`
  console.log(
    `${label.padEnd(width)} ${fmt(percentile(sorted, 50), digits).padStart(8)} ${fmt(p95, digits).padStart(8)} ` +
      `${fmt(sorted.at(-1) as number, digits).padStart(8)}${verdict}`,
  )
}
