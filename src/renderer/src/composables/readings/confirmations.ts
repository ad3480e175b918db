// The confirmations the readings checks asked for, per meter, with the values they were asked
// for: a ticked one stays after the next check (which no longer raises it, being confirmed); new
// values drop them all, and with them the ticks.
import { reactive } from 'vue'
import type { ReadingIssue } from '../../../../shared/domain/billing'
import { draftSignature, NO_TICKS, type ConfirmKey, type MeterDraft } from './drafts'

type Messages = Partial<Record<ConfirmKey, string[]>>

export function useConfirmations(drafts: Record<string, MeterDraft>) {
  const askedBy = reactive<Record<string, { signature: string; messages: Messages }>>({})

  function clear(): void {
    for (const key of Object.keys(askedBy)) delete askedBy[key]
  }

  /** The confirmations asked for this meter's values as they are now, each with its messages. */
  function confirmationsOf(meterId: string): Array<{ key: ConfirmKey; messages: string[] }> {
    const asked = askedBy[meterId]
    if (!asked || asked.signature !== draftSignature(drafts[meterId])) return []
    return (Object.keys(asked.messages) as ConfirmKey[]).map((key) => ({
      key,
      messages: asked.messages[key] ?? [],
    }))
  }

  function asked(meterId: string): ConfirmKey[] {
    return confirmationsOf(meterId).map((c) => c.key)
  }

  /** Whether some meter still waits for a tick the checks asked for. */
  function pending(meterIds: string[]): boolean {
    return meterIds.some((id) => asked(id).some((k) => !drafts[id]?.confirm[k]))
  }

  /** What a check found, for the meters on the form. */
  function record(found: ReadingIssue[], meterIds: string[]): void {
    for (const meterId of meterIds) {
      const d = drafts[meterId]
      if (!d) continue
      const signature = draftSignature(d)
      const before = askedBy[meterId]
      const same = before?.signature === signature
      // Ticks given for other values do not stand for these.
      if (!same) d.confirm = { ...NO_TICKS }
      const messages: Messages = {}
      for (const i of found) {
        if (i.meterId === meterId && i.level === 'confirm' && i.confirm)
          (messages[i.confirm] ??= []).push(i.message)
      }
      if (same && before) {
        for (const key of Object.keys(before.messages) as ConfirmKey[]) {
          if (d.confirm[key] && !messages[key]) messages[key] = before.messages[key] ?? []
        }
      }
      askedBy[meterId] = { signature, messages }
    }
  }

  return { clear, confirmationsOf, asked, pending, record }
}
