// Where the readings form shows a message: the checks' errors and the server's refusals go to a
// zone's value, the date, a new meter's field or the meter as a whole.
import { describe, expect, it } from 'vitest'
import {
  fieldKey,
  placeIssues,
  placeServerFields,
  type FormMeters,
} from '../../../../../src/renderer/src/composables/readings/fields'
import { issue } from './meters'

const onForm = (replacing: string[] = []): FormMeters => ({
  has: (id) => id === 'm-water' || id === 'm-power',
  replacing: () => replacing,
})

describe('placeIssues', () => {
  it('puts a zone’s error at its value, a meter’s at the meter, a date’s at the date', () => {
    expect(
      placeIssues(
        [
          issue({ zone: 0, message: 'Меньше прежнего.' }),
          issue({ meterId: 'm-power', zone: null, code: 'meter', message: 'Прибор снят.' }),
          issue({ meterId: '', zone: null, code: 'date', message: 'Дата в будущем.' }),
        ],
        onForm(),
      ),
    ).toEqual({
      [fieldKey.value('m-water', 0)]: 'Меньше прежнего.',
      [fieldKey.meter('m-power')]: 'Прибор снят.',
      [fieldKey.takenOn]: 'Дата в будущем.',
    })
  })

  it('leaves confirmations and warnings to the meter’s own list', () => {
    expect(
      placeIssues(
        [
          issue({ level: 'confirm', confirm: 'anomaly' }),
          issue({ level: 'warning', code: 'outside_window' }),
        ],
        onForm(),
      ),
    ).toEqual({})
  })

  it('joins different messages for one field and does not repeat the same one', () => {
    const twice = issue({ message: 'Слишком много цифр.' })
    expect(placeIssues([twice, twice, issue({ message: 'Лишняя запятая.' })], onForm())).toEqual({
      [fieldKey.value('m-water', 0)]: 'Слишком много цифр. Лишняя запятая.',
    })
  })

  it('sends what names no meter on the form to the date', () => {
    expect(
      placeIssues([issue({ meterId: 'gone', code: 'date', zone: null, message: 'Не та дата.' })], onForm()),
    ).toEqual({
      [fieldKey.takenOn]: 'Не та дата.',
    })
    expect(
      placeIssues([issue({ meterId: '', zone: null, code: 'meter', message: 'Нет приборов.' })], onForm()),
    ).toEqual({
      [fieldKey.takenOn]: 'Нет приборов.',
    })
  })
})

describe('placeServerFields', () => {
  it('maps the contract’s names and a posting’s «meter.zone» to the form’s fields', () => {
    expect(
      placeServerFields(
        {
          takenOn: 'Дата в будущем.',
          'm-power.1': 'Не число.',
          'm-water': 'Показание за этот месяц уже есть.',
          digitCapacity: 'От 4 до 9.',
          unknown: 'Не к месту.',
        },
        onForm(['m-power']),
      ),
    ).toEqual({
      [fieldKey.takenOn]: 'Дата в будущем.',
      [fieldKey.value('m-power', 1)]: 'Не число.',
      [fieldKey.meter('m-water')]: 'Показание за этот месяц уже есть.',
      [fieldKey.replacement('m-power', 'digitCapacity')]: 'От 4 до 9.',
    })
  })

  it('puts the source’s refusal at the date, and drops a new meter’s field when none is replaced', () => {
    expect(placeServerFields({ source: 'Выберите источник.', serial: 'Введите номер.' }, onForm())).toEqual({
      [fieldKey.takenOn]: 'Выберите источник.',
    })
  })
})
