// F2 takes the clerk to the search field (and from there to another account). Forms and document
// slips of this customer register here while they are open. A slip (the document is made) closes
// before the field takes focus, so its dialog never pulls focus back; a form holding nothing typed
// stays open behind the field. One holding what the clerk typed (a payment, readings) or a password
// not yet printed is not dropped silently: F2 asks first — a confirmation the keyboard answers
// (Enter or Esc) — and «no» leaves everything open.
import { onBeforeUnmount, onMounted } from 'vue'

export interface LeaveGuard {
  /** Something would be lost (typed data, a password never printed): ask before dropping it. */
  typed(): boolean
  /** The question, in Russian, naming what would be lost. */
  question: string
  /** Drops the form or slip. */
  leave(): void
  /** Dropped on F2 even with nothing to lose (a document slip, as opposed to an empty form). */
  closesOnLeave?: boolean
}

const guards = new Set<LeaveGuard>()

export function useLeaveGuard(guard: LeaveGuard): void {
  onMounted(() => guards.add(guard))
  onBeforeUnmount(() => guards.delete(guard))
}

/**
 * True when the clerk may move on: no open form holds typed data, or the clerk agreed to drop each
 * one that does; those and every open slip are then closed. False leaves everything as it was.
 */
export function mayLeaveForms(ask: (question: string) => boolean = (q) => window.confirm(q)): boolean {
  const typed = [...guards].filter((g) => g.typed())
  if (!typed.every((g) => ask(g.question))) return false
  for (const g of [...guards]) if (g.closesOnLeave || typed.includes(g)) g.leave()
  return true
}
