// The clerks' sessions at the okno-server, held in this process's memory only: one token per
// clerk signed in here (a push carries them so the server knows whose changes it checks), and —
// for a clerk who signed in against the synced hash while the server was unreachable — the typed
// password, kept only until a sign-in at the server succeeds in the background. Never written,
// never logged.
import type { SignedIn } from '../../shared/office/protocol'
import { isTransient } from './errors'
import type { OfficeLink } from './link/types'

export class ClerkSessions {
  private readonly tokens = new Map<string, string>()
  private readonly pending = new Map<string, { login: string; password: string }>()

  /** The clerk's server session token, if the server knows them. */
  tokenOf(clerkId: string): string | undefined {
    return this.tokens.get(clerkId)
  }

  /** Every token held: a push carries them all (at most one per clerk). */
  all(): string[] {
    return [...this.tokens.values()]
  }

  signedIn(answer: SignedIn): void {
    this.tokens.set(answer.clerk.id, answer.token)
    this.pending.delete(answer.clerk.id)
  }

  /** Signed in against the synced hash: sign in at the server once it answers. */
  remember(clerkId: string, login: string, password: string): void {
    this.pending.set(clerkId, { login, password })
  }

  /** Whether a background sign-in is still owed for the clerk. */
  awaiting(clerkId: string): boolean {
    return this.pending.has(clerkId)
  }

  /** Drops everything of the clerk; returns the token the server should end. */
  forget(clerkId: string): string | undefined {
    const token = this.tokens.get(clerkId)
    this.tokens.delete(clerkId)
    this.pending.delete(clerkId)
    return token
  }

  clear(): void {
    this.tokens.clear()
    this.pending.clear()
  }

  /**
   * Signs in at the server the clerks who signed in here while it was unreachable. A refusal
   * (the password changed, the login locked) forgets the password: the clerk's changes wait and
   * the status names them. A failure of the link keeps it for the next exchange.
   */
  async resume(link: OfficeLink): Promise<void> {
    for (const [clerkId, { login, password }] of [...this.pending]) {
      try {
        const answer = await link.signIn(login, password)
        if (answer.clerk.id === clerkId) this.signedIn(answer)
        else this.pending.delete(clerkId)
      } catch (err) {
        if (isTransient(err)) throw err
        this.pending.delete(clerkId)
      }
    }
  }
}

/** «Иванова Анна Петровна» → «Иванова А. П.»: how the status names a clerk. */
export function shortName(fullName: string): string {
  const [surname, ...rest] = fullName.trim().split(/\s+/)
  return [surname, ...rest.map((w) => `${w.charAt(0)}.`)].join(' ')
}
