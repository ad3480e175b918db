// The confirmations the readings checks ask for: kept with the values they were asked for, a
// ticked one kept by the next check, all dropped (ticks too) when the values change.
import { describe, expect, it } from 'vitest'
import { reactive } from 'vue'
import { useConfirmations } from '../../../../../src/renderer/src/composables/readings/confirmations'
import { blankDraft, type MeterDraft } from '../../../../../src/renderer/src/composables/readings/drafts'
import { issue, POWER, TODAY, WATER } from './meters'

const IDS = [WATER.meterId, POWER.meterId]
const anomaly = issue({
  level: 'confirm',
  code: 'anomaly',
  confirm: 'anomaly',
  message: 'Втрое больше обычного.',
})

function setup() {
  const drafts = reactive<Record<string, MeterDraft>>({
    [WATER.meterId]: blankDraft(WATER, TODAY),
    [POWER.meterId]: blankDraft(POWER, TODAY),
  })
  drafts[WATER.meterId]!.values[0] = '900'
  return { drafts, c: useConfirmations(drafts) }
}

describe('useConfirmations', () => {
  it('lists what a check asked per meter, with its messages, and waits for the ticks', () => {
    const { drafts, c } = setup()
    c.record([anomaly, issue({ level: 'error', message: 'Не к месту.' })], IDS)
    expect(c.confirmationsOf(WATER.meterId)).toEqual([
      { key: 'anomaly', messages: ['Втрое больше обычного.'] },
    ])
    expect(c.asked(POWER.meterId)).toEqual([])
    expect(c.pending(IDS)).toBe(true)
    drafts[WATER.meterId]!.confirm.anomaly = true
    expect(c.pending(IDS)).toBe(false)
  })

  it('keeps a ticked confirmation through the next check that no longer raises it', () => {
    const { drafts, c } = setup()
    c.record([anomaly], IDS)
    drafts[WATER.meterId]!.confirm.anomaly = true
    c.record([], IDS)
    expect(c.asked(WATER.meterId)).toEqual(['anomaly'])
    expect(drafts[WATER.meterId]!.confirm.anomaly).toBe(true)
  })

  it('drops an unticked one the next check no longer raises', () => {
    const { c } = setup()
    c.record([anomaly], IDS)
    c.record([], IDS)
    expect(c.asked(WATER.meterId)).toEqual([])
  })

  it('stops asking once the values change, and a check for new values clears the old ticks', () => {
    const { drafts, c } = setup()
    c.record([anomaly], IDS)
    drafts[WATER.meterId]!.confirm.anomaly = true
    drafts[WATER.meterId]!.values[0] = '950'
    expect(c.asked(WATER.meterId)).toEqual([])
    c.record([], IDS)
    expect(drafts[WATER.meterId]!.confirm.anomaly).toBe(false)
  })

  it('forgets everything on clear', () => {
    const { c } = setup()
    c.record([anomaly], IDS)
    c.clear()
    expect(c.asked(WATER.meterId)).toEqual([])
  })
})
