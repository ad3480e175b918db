// The preload: exposes exactly the contract's channels as `window.okno`, one method per channel,
// each forwarding to ipcMain. No raw ipcRenderer, nothing generic (Electron security checklist:
// «Do not expose Electron APIs to untrusted web content»).
import { contextBridge, ipcRenderer } from 'electron'
import { CHANNELS } from '../shared/ipc/channels'

const api: Record<string, (input: unknown) => Promise<unknown>> = {}
for (const channel of CHANNELS) {
  api[channel] = (input: unknown) => ipcRenderer.invoke(channel, input)
}

contextBridge.exposeInMainWorld('okno', Object.freeze(api))
