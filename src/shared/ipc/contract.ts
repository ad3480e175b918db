// The one IPC contract: channel → input schema, output type, and who may call it. Each capability
// declares its channels in contracts/<capability>.ts; this map joins them, and the compiler checks
// that it holds every channel of channels.ts and nothing else. Main's handlers, the preload, the
// browser bridge and the renderer client all follow it.
import type { z } from 'zod'
import type { ChannelSpec } from './channel-spec'
import type { Channel } from './channels'
import { accountsContract } from './contracts/accounts'
import { appContract } from './contracts/app'
import { appointmentsContract } from './contracts/appointments'
import { billingContract } from './contracts/billing'
import { cabinetsContract } from './contracts/cabinets'
import { cashContract } from './contracts/cash'
import { printingContract } from './contracts/printing'
import { sessionsContract } from './contracts/sessions'
import { syncContract } from './contracts/sync'

export type { Access } from './channel-spec'

export const contract = {
  ...appContract,
  ...sessionsContract,
  ...accountsContract,
  ...cabinetsContract,
  ...printingContract,
  ...billingContract,
  ...cashContract,
  ...appointmentsContract,
  ...syncContract,
} as const satisfies Record<Channel, ChannelSpec<z.ZodType, unknown>>

/** A channel declared by a capability but missing from channels.ts fails to compile here. */
const onlyListedChannels: Exclude<keyof typeof contract, Channel> extends never ? true : never = true
void onlyListedChannels

export type Contract = typeof contract
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>
export type ChannelParsed<C extends Channel> = z.output<Contract[C]['input']>
export type ChannelOutput<C extends Channel> = Exclude<Contract[C]['output'], undefined>
