// What a clerk reads when an input is refused: Russian words only on every channel, whatever is
// wrong, and an answer of a few kilobytes however large or odd the input.
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../../src/main/ipc/dispatch'
import type { CallContext } from '../../../../src/main/ipc/handlers'
import { CHANNELS } from '../../../../src/shared/ipc/channels'
import { contract } from '../../../../src/shared/ipc/contract'
import type { OknoErrorData } from '../../../../src/shared/ipc/envelope'
import { sampleOf, wrongInputs } from '../../../helpers/schema-inputs'

// Validation answers before the session is looked at: a call context is never touched.
const NO_CALL = {} as CallContext

async function refusal(channel: string, input: unknown): Promise<OknoErrorData & { size: number }> {
  const result = await dispatch(channel, input, NO_CALL)
  expect(result.ok).toBe(false)
  const { error } = result as { ok: false; error: OknoErrorData }
  expect(error.code).toBe('VALIDATION')
  return { ...error, size: Buffer.byteLength(JSON.stringify(result)) }
}

// A device's own name (/dev/usb/lp0, COM3, \\\\.\\COM3, a printer share \\\\host\\printer) is what the clerk
// types, not an English word.
// Device names and a URL's example (the office server's address) are what the clerk types, not words.
const withoutDeviceNames = (text: string): string =>
  text.replace(/\/dev\/\S+|\\\\\S+|\b(?:COM|LPT)\d+\b|https:\/\/\S+/g, '')

describe('validation messages', () => {
  it('are Russian without Latin words on every channel, whatever is wrong', async () => {
    const latin: string[] = []
    let refused = 0
    for (const channel of CHANNELS) {
      const schema = contract[channel].input
      for (const input of wrongInputs(schema)) {
        const parsed = schema.safeParse(input)
        if (parsed.success) continue
        refused++
        const error = await refusal(channel, input)
        for (const text of [error.message, ...Object.values(error.fields ?? {})]) {
          if (/[A-Za-z]/.test(withoutDeviceNames(text))) latin.push(`${channel}: ${text}`)
        }
      }
    }
    expect([...new Set(latin)]).toEqual([])
    // Every channel was refused many times over, or the walk proved nothing.
    expect(refused).toBeGreaterThan(CHANNELS.length * 10)
  })

  it('the walk starts from inputs of the right shape', () => {
    expect(
      contract['sessions:signIn'].input.safeParse(sampleOf(contract['sessions:signIn'].input)).success,
    ).toBe(true)
    expect(contract['accounts:get'].input.safeParse(sampleOf(contract['accounts:get'].input)).success).toBe(
      true,
    )
  })

  it('say what is expected instead of naming types', async () => {
    const wrongType = await refusal('accounts:search', { query: 42 })
    expect(wrongType.fields).toEqual({ query: 'Ожидался текст' })
    expect(wrongType.message).toBe('Проверьте поле «Поиск»: Ожидался текст')
    const missing = await refusal('sessions:unlock', {})
    expect(missing.fields).toEqual({ password: 'Заполните поле' })
    const list = await refusal('printing:print', { document: { title: 'Т', blocks: {} } })
    expect(list.fields).toEqual({ blocks: 'Ожидался список' })
    const extra = await refusal('sessions:signIn', { login: 'a', password: 'b', role: 'admin' })
    expect(extra.fields).toEqual({ role: 'Лишнее поле в запросе: обновите приложение' })
  })
})

describe('the size of a refusal', () => {
  it('stays under 4 KB with 10,000 unknown keys', async () => {
    const input: Record<string, unknown> = { login: 'operator', password: 'operator123' }
    for (let i = 0; i < 10_000; i++) input[`key${i}`] = i
    const error = await refusal('sessions:signIn', input)
    expect(error.size).toBeLessThanOrEqual(4096)
    expect(Object.keys(error.fields ?? {}).length).toBeGreaterThan(0)
    expect(Object.keys(error.fields ?? {}).length).toBeLessThanOrEqual(8)
    expect(error.fields?.key0).toBe('Лишние поля в запросе (10\u00a0000): обновите приложение')
  })

  it('stays under 4 KB with huge key names and thousands of wrong elements', async () => {
    const longKeys = await refusal('accounts:search', { query: 'иванов', ['к'.repeat(500_000)]: 1 })
    expect(longKeys.size).toBeLessThanOrEqual(4096)
    const rows = Array.from({ length: 500 }, () => Array.from({ length: 12 }, () => 'я'.repeat(501)))
    const table = await refusal('printing:print', {
      document: {
        title: 'Т'.repeat(201),
        blocks: [{ kind: 'table', columns: [{ title: 'Т'.repeat(5000) }], rows, bogus: 'x'.repeat(10_000) }],
      },
    })
    expect(table.size).toBeLessThanOrEqual(4096)
  })
})
