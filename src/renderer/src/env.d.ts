/// <reference types="vite/client" />
import type { OknoApi } from '../../shared/ipc/api'

declare global {
  interface Window {
    /** Defined by the preload (Electron) or the bridge script (browser mode). Use api/client.ts. */
    readonly okno: OknoApi
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

export {}
