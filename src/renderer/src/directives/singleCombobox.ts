// Vuetify's VSelect marks both its wrapping field and its input as role="combobox"; the wrapper
// has no name, so a screen reader meets an unnamed second combobox. This keeps the role on the
// input only (the one with the label).
import type { Directive } from 'vue'

function dropWrapperRole(el: HTMLElement): void {
  for (const field of el.querySelectorAll('.v-field[role="combobox"]')) field.removeAttribute('role')
}

export const vSingleCombobox: Directive<HTMLElement> = {
  mounted: dropWrapperRole,
  updated: dropWrapperRole,
}
