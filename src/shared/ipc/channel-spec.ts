// What one channel of the contract declares: its input schema, its output type (a phantom, for
// the compiler alone) and who may call it; the helpers every capability's contract uses.
import { z } from 'zod'

/**
 * public: anyone (sign-in screen); session: a signed-in clerk, even while the screen is locked;
 * clerk: a signed-in clerk with the screen unlocked; supervisor/administrator: that role or higher.
 */
export type Access = 'public' | 'session' | 'clerk' | 'supervisor' | 'administrator'

export interface ChannelSpec<I extends z.ZodType, O> {
  input: I
  access: Access
  /** Phantom: carries the output type, never read at run time. */
  output?: O
}

export function channel<I extends z.ZodType, O>(access: Access, input: I): ChannelSpec<I, O> {
  return { input, access }
}

/** The input of a channel that takes nothing. */
export const empty = z.object({}).strict()
/** A record's id. */
export const id = z.uuid({ message: 'Ожидался идентификатор записи' })
