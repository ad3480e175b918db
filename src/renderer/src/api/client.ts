// The only user of window.okno: typed calls over the contract, errors turned into ApiError with
// the Russian message for the clerk. Session errors (signed out, screen locked) are also
// announced to listeners, so the session store can react wherever they happen.
import type { Channel } from '../../../shared/ipc/channels'
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract'
import type { Envelope, ErrorCode } from '../../../shared/ipc/envelope'

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Per-field messages for the form that sent the call. */
    readonly fields: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

type SessionErrorListener = (code: 'UNAUTHENTICATED' | 'SCREEN_LOCKED', message: string) => void
const sessionListeners = new Set<SessionErrorListener>()

export function onSessionError(listener: SessionErrorListener): () => void {
  sessionListeners.add(listener)
  return () => sessionListeners.delete(listener)
}

export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const method = window.okno[channel] as unknown as (
    input: ChannelInput<C>,
  ) => Promise<Envelope<ChannelOutput<C>>>
  const envelope = await method(input)
  if (envelope.ok) return envelope.data
  const { code, message, fields } = envelope.error
  if (code === 'UNAUTHENTICATED' || code === 'SCREEN_LOCKED') {
    for (const listener of sessionListeners) listener(code, message)
  }
  throw new ApiError(code, message, fields)
}

/** Field messages of a failure, for inline display in a form. */
export function errorFields(err: unknown): Record<string, string> {
  return err instanceof ApiError ? err.fields : {}
}

/** The message to show for any failure: the server's sentence, or a generic one. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message
  return 'Не удалось выполнить действие. Повторите; если не поможет, сообщите администратору.'
}
