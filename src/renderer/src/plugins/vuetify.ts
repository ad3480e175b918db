// Vuetify with Russian texts, SVG icons (no font download: the desk works offline) and a calm,
// high-contrast theme for eight hours at a counter.
import 'vuetify/styles'
import { createVuetify } from 'vuetify'
import { aliases, mdi } from 'vuetify/iconsets/mdi-svg'
import { ru } from 'vuetify/locale'

export const vuetify = createVuetify({
  locale: { locale: 'ru', messages: { ru } },
  icons: { defaultSet: 'mdi', aliases, sets: { mdi } },
  theme: {
    defaultTheme: 'okno',
    themes: {
      okno: {
        dark: false,
        colors: {
          primary: '#1f5f8b',
          secondary: '#4a6572',
          error: '#b3261e',
          warning: '#a15c00',
          success: '#2e7d32',
          background: '#f4f6f8',
          surface: '#ffffff',
        },
      },
    },
  },
  defaults: {
    VTextField: { variant: 'outlined', density: 'comfortable' },
    VBtn: { variant: 'flat' },
  },
})
