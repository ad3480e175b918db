// Forms that hold what the clerk has typed (a payment, readings) are not dropped silently when F2
// takes the clerk to the search field (and from there to another account): each such form
// registers here while it is open, and F2 asks first — a confirmation the keyboard answers (Enter
// or Esc) — then closes the forms it was told to drop.
import { onBeforeUnmount, onMounted } from 'vue'

export interface LeaveGuard {
  /** Something typed would be lost. */
  typed(): boolean
  /** The question, in Russian, naming what would be lost. */
  question: string
  /** Drops the form. */
  leave(): void
}

const guards = new Set<LeaveGuard>()

export function useLeaveGuard(guard: LeaveGuard): void {
  onMounted(() => guards.add(guard))
  onBeforeUnmount(() => guards.delete(guard))
}

/**
 * True when the clerk may move on: no open form holds typed data, or the clerk agreed to drop each
 * one that does (those are then closed). False leaves everything as it was.
 */
export function mayLeaveForms(ask: (question: string) => boolean = (q) => window.confirm(q)): boolean {
  const typed = [...guards].filter((g) => g.typed())
  if (!typed.every((g) => ask(g.question))) return false
  for (const g of typed) g.leave()
  return true
}
