// The readings form's drafts: blank ones prefilled from the meter, what counts as typed, the live
// consumption as typed, and the entry a draft becomes (a bad replacement refused at its fields).
import { describe, expect, it } from 'vitest'
import {
  anyValueTyped,
  blankDraft,
  draftConsumption,
  draftEntry,
  draftSignature,
  isTyped,
} from '../../../../../src/renderer/src/composables/readings/drafts'
import { fieldKey } from '../../../../../src/renderer/src/composables/readings/fields'
import { POWER, TODAY, WATER } from './meters'

const TEXTS = { badDate: 'Введите дату.', badNumber: (min: number, max: number) => `От ${min} до ${max}.` }

describe('blankDraft', () => {
  it('has an empty value per zone, nothing ticked, and a replacement prefilled from the meter and today', () => {
    expect(blankDraft(POWER, TODAY)).toEqual({
      values: ['', ''],
      confirm: { rollover: false, anomaly: false, replaceExisting: false },
      replacing: false,
      replacement: {
        serial: '',
        digitCapacity: '6',
        fractionDigits: '1',
        installedOn: '05.03.2026',
        nextVerificationOn: '',
        startValues: ['0', '0'],
      },
    })
  })
})

describe('isTyped and anyValueTyped', () => {
  it('counts a typed value or a replacement, not blanks', () => {
    const d = blankDraft(POWER, TODAY)
    expect(isTyped(undefined)).toBe(false)
    expect(isTyped(d)).toBe(false)
    d.values[1] = '  '
    expect(isTyped(d)).toBe(false)
    d.values[1] = '12'
    expect(isTyped(d)).toBe(true)
    expect(isTyped({ ...blankDraft(POWER, TODAY), replacing: true })).toBe(true)
  })

  it('anyValueTyped looks at values only (a replacement alone loses nothing typed)', () => {
    const water = blankDraft(WATER, TODAY)
    const power = { ...blankDraft(POWER, TODAY), replacing: true }
    expect(anyValueTyped({ water, power })).toBe(false)
    water.values[0] = '101'
    expect(anyValueTyped({ water, power })).toBe(true)
  })
})

describe('draftConsumption', () => {
  it('is the difference from the previous reading, in thousandths', () => {
    const d = blankDraft(WATER, TODAY)
    d.values[0] = '105,5'
    expect(draftConsumption(WATER, d, 0)).toBe(5_500)
  })

  it('is null while nothing (or nothing readable) is typed, or there is no previous reading', () => {
    const d = blankDraft(WATER, TODAY)
    expect(draftConsumption(WATER, d, 0)).toBeNull()
    expect(draftConsumption(WATER, undefined, 0)).toBeNull()
    d.values[0] = 'абв'
    expect(draftConsumption(WATER, d, 0)).toBeNull()
    d.values[0] = '105'
    expect(draftConsumption({ ...WATER, previous: null }, d, 0)).toBeNull()
  })

  it('is «below» under the previous reading until a rollover is ticked', () => {
    const d = blankDraft(WATER, TODAY)
    d.values[0] = '3'
    expect(draftConsumption(WATER, d, 0)).toBe('below')
    d.confirm.rollover = true
    // From 100 on five drums round past 99 999 to 3: 99 903 units.
    expect(draftConsumption(WATER, d, 0)).toBe(99_903_000)
  })

  it('counts from the new meter’s start value when the meter is replaced', () => {
    const d = blankDraft(WATER, TODAY)
    d.replacing = true
    d.replacement.startValues[0] = '2'
    d.values[0] = '7'
    expect(draftConsumption(WATER, d, 0)).toBe(5_000)
    d.replacement.startValues[0] = 'x'
    expect(draftConsumption(WATER, d, 0)).toBeNull()
  })
})

describe('draftSignature', () => {
  it('changes with the values and the replacement, not with the ticks', () => {
    const d = blankDraft(WATER, TODAY)
    const first = draftSignature(d)
    d.confirm.anomaly = true
    expect(draftSignature(d)).toBe(first)
    d.replacement.serial = 'НОВ-1'
    expect(draftSignature(d)).toBe(first)
    d.replacing = true
    expect(draftSignature(d)).not.toBe(first)
    expect(draftSignature(undefined)).toBe('')
  })
})

describe('draftEntry', () => {
  it('trims the values and sends only the confirmations asked and ticked', () => {
    const d = blankDraft(POWER, TODAY)
    d.values = [' 100005 ', '50010']
    d.confirm = { rollover: true, anomaly: true, replaceExisting: false }
    expect(draftEntry(POWER.meterId, d, ['anomaly', 'replaceExisting'], TEXTS)).toEqual({
      entry: { meterId: 'm-power', values: ['100005', '50010'], confirm: { anomaly: true } },
      errors: {},
    })
  })

  it('drops a rollover beside a replacement and sends the new meter', () => {
    const d = blankDraft(WATER, TODAY)
    d.values = ['7']
    d.confirm.rollover = true
    d.replacing = true
    d.replacement = {
      ...d.replacement,
      serial: ' НОВ-1 ',
      nextVerificationOn: '01.03.2032',
      startValues: [' 2 '],
    }
    expect(draftEntry(WATER.meterId, d, ['rollover'], TEXTS)).toEqual({
      entry: {
        meterId: 'm-water',
        values: ['7'],
        replacement: {
          serial: 'НОВ-1',
          digitCapacity: 5,
          fractionDigits: 3,
          installedOn: TODAY,
          nextVerificationOn: '2032-03-01',
          startValues: ['2'],
        },
      },
      errors: {},
    })
  })

  it('refuses a bad replacement at its fields and leaves it out of the entry', () => {
    const d = blankDraft(WATER, TODAY)
    d.replacing = true
    d.replacement = { ...d.replacement, digitCapacity: '12', fractionDigits: '4', installedOn: '32.01.2026' }
    const { entry, errors } = draftEntry(WATER.meterId, d, [], TEXTS)
    expect(entry.replacement).toBeUndefined()
    expect(errors).toEqual({
      [fieldKey.replacement('m-water', 'digitCapacity')]: 'От 4 до 9.',
      [fieldKey.replacement('m-water', 'fractionDigits')]: 'От 0 до 3.',
      [fieldKey.replacement('m-water', 'installedOn')]: 'Введите дату.',
      [fieldKey.replacement('m-water', 'nextVerificationOn')]: 'Введите дату.',
    })
  })
})
