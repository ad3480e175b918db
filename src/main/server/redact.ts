// What the server never sends a desk: cabinets' password hashes (blanked to ''; desks have no use
// for them, and a hash is an offline guessing target).
type Row = Record<string, unknown>

export function blankRow(table: string, row: Row): Row {
  return table === 'cabinets' && 'password_hash' in row ? { ...row, password_hash: '' } : row
}

/** A change's JSON payload with the same fields blanked. */
export function blankSecrets(entity: string, payload: string): string {
  if (entity !== 'cabinets' || !payload.includes('password_hash')) return payload
  return JSON.stringify(blankRow(entity, JSON.parse(payload) as Row))
}
