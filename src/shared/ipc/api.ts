// The shape of `window.okno` (preload in Electron, bridge script in browser mode): one method per
// contract channel, each resolving to the result envelope.
import type { Channel } from './channels'
import type { ChannelInput, ChannelOutput } from './contract'
import type { Envelope } from './envelope'

export type OknoApi = {
  readonly [C in Channel]: (input: ChannelInput<C>) => Promise<Envelope<ChannelOutput<C>>>
}
