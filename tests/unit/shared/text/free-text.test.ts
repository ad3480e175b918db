// Free text as it is kept: what pasting brings in unseen is removed, NUL is refused, spaces tidied.
import { describe, expect, it } from 'vitest'
import { cleanText, freeText, NUL_MESSAGE } from '../../../../src/shared/text/free-text'

describe('cleanText', () => {
  it('removes direction overrides, isolates and marks', () => {
    expect(cleanText('Иванов\u202eвонавИ')).toBe('ИвановвонавИ')
    for (const ch of ['\u202a', '\u202b', '\u202c', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(cleanText(`Пет${ch}ров`)).toBe('Петров')
    }
  })

  it('removes zero-width characters', () => {
    expect(cleanText('\ufeffСи\u200bдо\u200cро\u200dв\u2060')).toBe('Сидоров')
  })

  it('removes control characters: ESC, BEL, DEL and C1', () => {
    expect(cleanText('Оплата\u001b[31m за\u0007 май\u007f\u0085\u009b')).toBe('Оплата[31m за май')
  })

  it('collapses whitespace of every kind and trims', () => {
    expect(cleanText('  Иванов\t\tИван\r\n Иванович\u00a0\u2003мл. \u3000')).toBe('Иванов Иван Иванович мл.')
  })

  it('writes letters in one Unicode form (NFC)', () => {
    const decomposed = 'Ё'.normalize('NFD')
    expect(decomposed).toHaveLength(2)
    expect(cleanText(`${decomposed}лкин`)).toBe('Ёлкин')
    expect(cleanText('й'.normalize('NFD'))).toBe('й')
  })

  it('keeps ordinary text as it is', () => {
    const text = "ООО «Ромашка», д. 5/2, кв. 12 — №3 (Д'Артаньян)"
    expect(cleanText(text)).toBe(text)
  })
})

describe('freeText', () => {
  const reason = freeText({
    min: 3,
    tooShort: 'Причина: не короче 3 символов',
    max: 10,
    tooLong: 'Причина: не длиннее 10 символов',
    notText: 'Укажите причину',
  })
  const message = (input: unknown) => reason.safeParse(input).error?.issues[0]?.message

  it('gives the cleaned text', () => {
    expect(reason.parse(' \u202eпо\u200bтеря\u0007 ')).toBe('потеря')
  })

  it('refuses NUL with a message instead of dropping it', () => {
    expect(message('поте\u0000ря')).toBe(NUL_MESSAGE)
    expect(NUL_MESSAGE).not.toMatch(/[A-Za-z]/)
  })

  it('checks the length of what is kept, not of what was typed', () => {
    expect(message('\u200b\u200b\u200bда\u200b')).toBe('Причина: не короче 3 символов')
    expect(reason.parse(`${'\u200b'.repeat(50)}ремонт`)).toBe('ремонт')
    expect(message('очень длинная причина')).toBe('Причина: не длиннее 10 символов')
    expect(message(42)).toBe('Укажите причину')
  })
})
