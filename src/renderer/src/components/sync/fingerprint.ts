// A certificate's fingerprint laid out to be compared by eye or read aloud: pairs of hex
// digits, four pairs to a line.
export const PAIRS_PER_LINE = 4

export function fingerprintLines(fingerprint: string): string[] {
  const pairs = fingerprint.toUpperCase().split(':')
  const lines: string[] = []
  for (let i = 0; i < pairs.length; i += PAIRS_PER_LINE)
    lines.push(pairs.slice(i, i + PAIRS_PER_LINE).join(' '))
  return lines
}
