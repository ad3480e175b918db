import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'
import vuetify from 'vite-plugin-vuetify'

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // index: the Electron main process; web: browser mode (plain Node, no electron import).
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          web: resolve(__dirname, 'src/main/web/cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      // electron-vite leaves bundles unminified; the renderer is also served in browser mode.
      minify: true,
      // One bundle loaded from disk or loopback: no network to split for. Vue + Vuetify ≈ 520 kB.
      chunkSizeWarningLimit: 800,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
    plugins: [vue(), vuetify({ autoImport: true })],
  },
})
