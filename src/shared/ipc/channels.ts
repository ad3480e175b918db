// The list of IPC channels: the preload's and the browser bridge's allow-list. Kept free of
// imports so the sandboxed preload bundles nothing else.
export const CHANNELS = [
  'app:info',
  'session:current',
  'session:signIn',
  'session:signOut',
  'session:lock',
  'session:unlock',
  'session:touch',
  'accounts:search',
  'accounts:get',
  'settings:get',
  'settings:update',
  'audit:verify',
  'cabinet:state',
  'cabinet:register',
  'cabinet:reset',
  'cabinet:attach',
  'cabinet:unblockReset',
  'passport:reveal',
  'printing:print',
  'printing:printers',
  'readings:form',
  'readings:check',
  'readings:post',
  'readings:history',
  'charges:run',
  'account:statement',
  'account:month',
  'account:balance',
] as const

export type Channel = (typeof CHANNELS)[number]

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && (CHANNELS as readonly string[]).includes(name)
}
