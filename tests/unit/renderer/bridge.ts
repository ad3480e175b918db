// A stand-in for `window.okno` (the preload in Electron, the bridge script in browser mode): each
// channel answers from the test's table, as an envelope, and every call is recorded. Needs a DOM
// (`// @vitest-environment happy-dom`) for `window`.
import type { Channel } from '../../../src/shared/ipc/channels'
import type { Envelope, ErrorCode } from '../../../src/shared/ipc/envelope'

/** What a channel answers: data, or a refusal as main would send it. */
export type Answer = unknown | Refusal

export class Refusal {
  constructor(
    readonly code: ErrorCode,
    readonly message: string,
    readonly fields?: Record<string, string>,
  ) {}
}

export interface Bridge {
  calls: Array<{ channel: Channel; input: unknown }>
  /** Sets (or replaces) what a channel answers; a function is asked for each call. */
  answer(channel: Channel, respond: (input: unknown) => Answer | Promise<Answer>): void
  answer(channel: Channel, answer: Answer): void
}

export function stubBridge(): Bridge {
  const calls: Bridge['calls'] = []
  const answers = new Map<Channel, (input: unknown) => Answer | Promise<Answer>>()
  const okno = new Proxy(
    {},
    {
      get: (_target, channel: string) => async (input: unknown) => {
        calls.push({ channel: channel as Channel, input })
        const answer = answers.get(channel as Channel)
        if (!answer) throw new Error(`no answer stubbed for ${channel}`)
        const value = await answer(input)
        const envelope: Envelope<unknown> =
          value instanceof Refusal
            ? { ok: false, error: { code: value.code, message: value.message, fields: value.fields } }
            : { ok: true, data: value }
        return envelope
      },
    },
  )
  Object.defineProperty(window, 'okno', { value: okno, configurable: true })
  return {
    calls,
    answer: (channel, answer) =>
      answers.set(
        channel,
        typeof answer === 'function' ? (answer as (input: unknown) => Answer) : () => answer,
      ),
  }
}

/** A promise with its resolve at hand: an answer that arrives when the test says. */
export function held<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}
