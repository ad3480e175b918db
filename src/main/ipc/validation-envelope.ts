// The VALIDATION envelope of a refused input: the first problem as a sentence, and a message per
// form field. Bounded whatever the input (a hostile call may carry thousands of wrong keys): a
// few fields, short names, short messages.
import { z } from 'zod'
import type { Envelope } from '../../shared/ipc/envelope'
import { FIELD_LABELS } from '../../shared/ipc/field-labels'
import { russianIssueMessage } from '../../shared/ipc/validation-messages'

z.config({ localeError: russianIssueMessage })

/** With these, the envelope stays under 4 KB: 8 × (48 + 2 × 160 bytes) plus the sentence. */
export const MAX_FIELDS = 8
const MAX_FIELD_NAME = 48
const MAX_MESSAGE = 160

function clip(text: string): string {
  return text.length <= MAX_MESSAGE ? text : `${text.slice(0, MAX_MESSAGE - 1)}…`
}

export function validationError(error: z.ZodError): Envelope<never> {
  const fields: Record<string, string> = {}
  let count = 0
  // A form shows each message at its field: the innermost name of the path («passport.issuedOn»),
  // or the names of keys the form does not have.
  for (const issue of error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path.at(-1) ?? '')]
    for (const key of keys) {
      if (count >= MAX_FIELDS) break
      if (!key || key.length > MAX_FIELD_NAME || Object.hasOwn(fields, key)) continue
      fields[key] = clip(issue.message)
      count++
    }
    if (count >= MAX_FIELDS) break
  }
  const issue = error.issues[0]
  const label = FIELD_LABELS[String(issue?.path.at(-1) ?? '')]
  const message = !issue
    ? 'Проверьте введённые данные.'
    : label
      ? `Проверьте поле «${label}»: ${clip(issue.message)}`
      : `Проверьте введённые данные: ${clip(issue.message)}`
  return { ok: false, error: { code: 'VALIDATION', message, fields } }
}
