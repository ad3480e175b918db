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
          // Text in these colours on their own 12 % tint (tonal notices, chips) reads at 4.5:1 or more.
          primary: '#1f5f8b',
          secondary: '#4a6572',
          error: '#b3261e',
          warning: '#8f5100',
          success: '#276b2b',
          info: '#0d5ea8',
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
