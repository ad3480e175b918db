// The readings form's check-then-post cycle: one call at a time, the form's own refusal as the
// message, what the last check judged (stale once anything changes), a refused call's message.
import { describe, expect, it } from 'vitest'
import { ref } from 'vue'
import { ApiError } from '../../../../../src/renderer/src/api/client'
import {
  useReadingsSubmit,
  type Outcome,
  type SubmitPort,
} from '../../../../../src/renderer/src/composables/readings/submit'
import type { ReadingCheckResult, ReadingsInput } from '../../../../../src/shared/domain/billing'
import { held } from '../../bridge'

const INPUT: ReadingsInput = { accountId: 'a1', takenOn: '2026-03-05', source: 'office', entries: [] }
const RESULT: ReadingCheckResult = { period: '2026-03', issues: [], consumption: {} }

function setup(prepare: () => ReadingsInput | string = () => INPUT) {
  const values = ref('v1')
  const ticks = ref('t1')
  const blocked = ref<Outcome | null>(null)
  const judged: ReadingCheckResult[] = []
  const refused: unknown[] = []
  const port: SubmitPort = {
    prepare,
    judged: (r) => judged.push(r),
    refused: (err) => refused.push(err),
    snapshot: () => ({ values: values.value, ticks: ticks.value }),
    blocked: () => blocked.value,
  }
  const s = useReadingsSubmit(port, { checkedOk: 'Проверено.' })
  return { s, values, ticks, blocked, judged, refused }
}

describe('useReadingsSubmit', () => {
  it('is stale until checked; a check hands its findings over and says ok', async () => {
    const { s, judged } = setup()
    expect(s.stale.value).toBe(true)
    const outcome = await s.check(async () => RESULT)
    expect(outcome).toEqual({ kind: 'ok', message: 'Проверено.' })
    expect(s.outcome.value).toEqual(outcome)
    expect(judged).toEqual([RESULT])
    expect(s.stale.value).toBe(false)
    expect(s.valuesStale.value).toBe(false)
  })

  it('is stale again when a value changes, and when only a tick changes (but the values are not)', async () => {
    const { s, values, ticks } = setup()
    await s.check(async () => RESULT)
    ticks.value = 't2'
    expect(s.stale.value).toBe(true)
    expect(s.valuesStale.value).toBe(false)
    values.value = 'v2'
    expect(s.valuesStale.value).toBe(true)
  })

  it('says what still holds the clerk back after a check', async () => {
    const { s, blocked } = setup()
    blocked.value = { kind: 'confirm', message: 'Отметьте подтверждения.' }
    expect(await s.check(async () => RESULT)).toEqual({ kind: 'confirm', message: 'Отметьте подтверждения.' })
  })

  it('shows the form’s own refusal and calls nothing', async () => {
    const { s } = setup(() => 'Исправьте поля.')
    let called = false
    expect(
      await s.check(async () => {
        called = true
        return RESULT
      }),
    ).toBeNull()
    expect(s.message.value).toBe('Исправьте поля.')
    expect(called).toBe(false)
  })

  it('runs one call at a time', async () => {
    const { s } = setup()
    const answer = held<ReadingCheckResult>()
    const first = s.check(() => answer.promise)
    expect(s.busy.value).toBe(true)
    expect(await s.check(async () => RESULT)).toBeNull()
    expect(await s.post(async () => ({}) as never)).toBeNull()
    answer.resolve(RESULT)
    expect(await first).toEqual({ kind: 'ok', message: 'Проверено.' })
    expect(s.busy.value).toBe(false)
  })

  it('shows a refused check’s message, hands the refusal over, and asks for a new check', async () => {
    const { s, refused } = setup()
    await s.check(async () => RESULT)
    const err = new ApiError('UNAVAILABLE', 'Сервер недоступен.')
    expect(
      await s.check(async () => {
        throw err
      }),
    ).toBeNull()
    expect(s.message.value).toBe('Сервер недоступен.')
    expect(refused).toEqual([err])
    expect(s.valuesStale.value).toBe(true)
  })

  it('posts, and after a refusal other than a field error asks for a new check', async () => {
    const { s, refused } = setup()
    await s.check(async () => RESULT)
    const posted = { slip: 'квитанция' } as never
    expect(await s.post(async () => posted)).toBe(posted)
    const invalid = new ApiError('VALIDATION', 'Исправьте поля.', { takenOn: 'Дата в будущем.' })
    expect(
      await s.post(async () => {
        throw invalid
      }),
    ).toBeNull()
    expect(s.message.value).toBe('Исправьте поля.')
    expect(s.valuesStale.value).toBe(false)
    expect(
      await s.post(async () => {
        throw new ApiError('CONFLICT', 'Показание уже принято у другого окна.')
      }),
    ).toBeNull()
    expect(s.valuesStale.value).toBe(true)
    expect(refused).toHaveLength(2)
  })

  it('forgets the last check and its verdict on reset', async () => {
    const { s } = setup()
    await s.check(async () => RESULT)
    s.reset()
    expect(s.outcome.value).toBeNull()
    expect(s.stale.value).toBe(true)
  })
})
