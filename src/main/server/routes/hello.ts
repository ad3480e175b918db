// The server's hello, for anyone: its identity, schema version and whether it serves the demo.
import type { ServerResponse } from 'node:http'
import { sendData } from '../http'
import type { ServerState } from '../state'

export function hello(state: ServerState, res: ServerResponse): void {
  sendData(res, state.hello)
}
