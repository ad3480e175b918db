// Sums typed by the clerk, read with the shared rules: a bad one refuses the whole request with
// the field's Russian message, before anything is written.
import { parseRubles, type AmountRules } from '../../../shared/money'
import { OknoError } from '../../../shared/ipc/envelope'

export function requireAmount(text: string, field: string, rules: AmountRules): number {
  const parsed = parseRubles(text, rules)
  if (!parsed.ok) throw new OknoError('VALIDATION', parsed.message, { [field]: parsed.message })
  return parsed.kopecks
}
