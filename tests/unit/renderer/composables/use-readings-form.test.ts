// The readings form as its pieces join: typing, checking, the confirmations asked and ticked,
// the messages at their fields, and what is posted.
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../../src/renderer/src/api/client'
import { fieldKey } from '../../../../src/renderer/src/composables/readings/fields'
import { useReadingsForm } from '../../../../src/renderer/src/composables/useReadingsForm'
import type { ReadingCheckResult, ReadingsInput } from '../../../../src/shared/domain/billing'
import { issue, POWER, readingsForm, WATER } from './readings/meters'

const TEXTS = {
  badDate: 'Введите дату.',
  badNumber: (min: number, max: number) => `От ${min} до ${max}.`,
  nothingTyped: 'Введите показания.',
  fixFields: 'Исправьте поля.',
  checkedOk: 'Проверено.',
  checkedConfirm: 'Отметьте подтверждения.',
  checkedErrors: 'Исправьте ошибки.',
}

const answer = (issues: ReadingCheckResult['issues']) => async (): Promise<ReadingCheckResult> => ({
  period: '2026-03',
  issues,
  consumption: {},
})

function started() {
  const f = useReadingsForm(TEXTS)
  f.start(readingsForm())
  return f
}

describe('useReadingsForm', () => {
  it('starts with a blank draft per meter, today’s date and nothing to send', async () => {
    const f = started()
    expect(Object.keys(f.drafts)).toEqual([WATER.meterId, POWER.meterId])
    expect(f.takenOn.value).toBe('2026-03-05')
    expect(await f.check(answer([]))).toBeNull()
    expect(f.message.value).toBe('Введите показания.')
  })

  it('refuses a bad phone date at the date field before asking main', async () => {
    const f = started()
    f.drafts[WATER.meterId]!.values[0] = '105'
    f.source.value = 'phone'
    f.takenOnText.value = '31.02.2026'
    expect(await f.check(answer([]))).toBeNull()
    expect(f.errors.value).toEqual({ [fieldKey.takenOn]: 'Введите дату.' })
    expect(f.message.value).toBe('Исправьте поля.')
  })

  it('asks for a confirmation, holds until it is ticked, then posts it with the typed meters only', async () => {
    const f = started()
    f.drafts[WATER.meterId]!.values[0] = ' 900 '
    const asked = issue({ level: 'confirm', code: 'anomaly', confirm: 'anomaly', message: 'Втрое больше.' })
    expect(await f.check(answer([asked]))).toEqual({ kind: 'confirm', message: 'Отметьте подтверждения.' })
    expect(f.confirmationsOf(WATER.meterId)).toEqual([{ key: 'anomaly', messages: ['Втрое больше.'] }])
    expect(f.blocked()).toEqual({ kind: 'confirm', message: 'Отметьте подтверждения.' })
    f.drafts[WATER.meterId]!.confirm.anomaly = true
    expect(f.blocked()).toBeNull()
    expect(f.stale.value).toBe(true)
    expect(f.valuesStale.value).toBe(false)
    let sent: ReadingsInput | null = null
    await f.post(async (input) => {
      sent = input
      return {} as never
    })
    expect(sent).toEqual({
      accountId: 'a1',
      takenOn: '2026-03-05',
      source: 'office',
      entries: [{ meterId: WATER.meterId, values: ['900'], confirm: { anomaly: true } }],
    })
  })

  it('shows the checks’ errors at their zones and offers a replacement below the previous reading', async () => {
    const f = started()
    f.drafts[POWER.meterId]!.values = ['5', '505,5']
    const below = issue({
      meterId: POWER.meterId,
      zone: 0,
      code: 'below_previous',
      message: 'Меньше прежнего.',
    })
    expect(await f.check(answer([below]))).toEqual({ kind: 'errors', message: 'Исправьте ошибки.' })
    expect(f.errors.value).toEqual({ [fieldKey.value(POWER.meterId, 0)]: 'Меньше прежнего.' })
    expect(f.belowPrevious(POWER.meterId)).toBe(true)
    expect(f.belowPrevious(WATER.meterId)).toBe(false)
    expect(f.consumption(POWER, 0)).toBe('below')
    expect(f.consumption(POWER, 1)).toBe(5_500)
  })

  it('puts a refused posting’s field messages at the meter’s zone', async () => {
    const f = started()
    f.drafts[POWER.meterId]!.values = ['100005', '50010']
    await f.check(answer([]))
    const refusal = new ApiError('VALIDATION', 'Исправьте поля.', { [`${POWER.meterId}.1`]: 'Не число.' })
    expect(
      await f.post(async () => {
        throw refusal
      }),
    ).toBeNull()
    expect(f.errors.value).toEqual({ [fieldKey.value(POWER.meterId, 1)]: 'Не число.' })
    expect(f.message.value).toBe('Исправьте поля.')
  })

  it('starts afresh for another form', async () => {
    const f = started()
    f.drafts[WATER.meterId]!.values[0] = '105'
    await f.check(answer([issue({ message: 'Ошибка.' })]))
    f.start(readingsForm([WATER]))
    expect(f.drafts[WATER.meterId]!.values).toEqual([''])
    expect(f.drafts[POWER.meterId]).toBeUndefined()
    expect(f.issues.value).toEqual([])
    expect(f.errors.value).toEqual({})
    expect(f.outcome.value).toBeNull()
    expect(f.stale.value).toBe(true)
  })
})
