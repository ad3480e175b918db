// Names a character for a clerk's error message: visible ones quoted, invisible ones by code.
export function describeCharacter(ch: string): string {
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(ch)
    ? `«${ch}»`
    : `U+${(ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`
}
