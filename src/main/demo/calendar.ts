// Fast date arithmetic for the generator: day numbers (days since 1970-01-01) and a cache of
// their YYYY-MM-DD strings, instead of a Date object per generated date.
export class DayCalendar {
  private readonly cache = new Map<number, string>()

  static dayOf(date: string): number {
    return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000)
  }

  format(day: number): string {
    let s = this.cache.get(day)
    if (s === undefined) {
      s = new Date(day * 86_400_000).toISOString().slice(0, 10)
      this.cache.set(day, s)
    }
    return s
  }
}
