import { createI18n } from 'vue-i18n'
import { ru } from './ru'

/**
 * Russian plural forms for messages with four choices «ноль | один | несколько | много»
 * (1, 21 изменение; 2–4, 22 изменения; 5–20, 25 изменений); three choices drop the zero.
 */
export function ruPluralIndex(choice: number, choicesLength: number): number {
  const n = Math.abs(choice)
  const offset = choicesLength >= 4 ? 1 : 0
  if (n === 0 && offset) return 0
  const mod10 = n % 10
  const mod100 = n % 100
  if (mod10 === 1 && mod100 !== 11) return offset
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return offset + 1
  return offset + 2
}

export const i18n = createI18n({
  legacy: false,
  locale: 'ru',
  fallbackLocale: 'ru',
  messages: { ru },
  pluralRules: { ru: ruPluralIndex },
})
