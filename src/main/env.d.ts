// What electron-vite fixes in main at build time (Vite's import.meta.env); main has no vite/client types.
interface ImportMetaEnv {
  /** True only in a development run (electron-vite dev). */
  readonly DEV: boolean
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
