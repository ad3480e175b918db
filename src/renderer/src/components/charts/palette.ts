// Chart colours: the desk's primary first, then hues that stay apart for common colour
// blindness (Okabe–Ito order), dark enough to read on white.
export const CHART_COLORS = ['#1f5f8b', '#c25e00', '#2e7d32', '#8e3b8f'] as const

export const PIE_COLORS = [
  '#1f5f8b',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#0072b2',
  '#9e9e00',
  '#6d4c41',
] as const
