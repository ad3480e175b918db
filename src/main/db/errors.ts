// Recognises a unique-constraint violation from either engine: two counters racing for the same
// record, the loser's insert refused by the database.
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; errno?: number; message?: string }
  if (e.code === '23505') return true
  return e.code === 'SQLITE_CONSTRAINT' && /UNIQUE/i.test(e.message ?? '')
}
