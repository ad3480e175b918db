// The sync status as the desk words it: Russian plural forms, the line in the bar and its spoken
// name, the first download's percentage, an outbox row's operation.
import { describe, expect, it } from 'vitest'
import type { SyncStatus } from '../../../../src/shared/domain/sync'
import {
  barLabel,
  barText,
  downloadPercent,
  opText,
  pendingText,
  stateText,
} from '../../../../src/renderer/src/composables/syncText'
import { i18n, ruPluralIndex } from '../../../../src/renderer/src/i18n'

const t = i18n.global.t
const at = (iso: string): string => iso.slice(11, 16)

function status(patch: Partial<SyncStatus>): SyncStatus {
  return {
    mode: 'office',
    state: 'online',
    pending: 0,
    failed: 0,
    lastSyncAt: null,
    lastError: null,
    nextAttemptAt: null,
    download: null,
    ...patch,
  }
}

describe('ruPluralIndex', () => {
  it.each([
    [0, 0],
    [1, 1],
    [2, 2],
    [4, 2],
    [5, 3],
    [11, 3],
    [12, 3],
    [14, 3],
    [21, 1],
    [22, 2],
    [111, 3],
    [112, 3],
    [101, 1],
    [1004, 2],
  ])('%i → form %i of «ноль | один | несколько | много»', (n, form) => {
    expect(ruPluralIndex(n, 4)).toBe(form)
  })

  it('with three forms there is no zero form: 0 takes «много»', () => {
    expect(ruPluralIndex(0, 3)).toBe(2)
    expect(ruPluralIndex(1, 3)).toBe(0)
    expect(ruPluralIndex(3, 3)).toBe(1)
  })
})

describe('pendingText', () => {
  it.each([
    [1, '1 изменение ждёт отправки'],
    [3, '3 изменения ждут отправки'],
    [5, '5 изменений ждут отправки'],
    [11, '11 изменений ждут отправки'],
    [21, '21 изменение ждёт отправки'],
    [104, '104 изменения ждут отправки'],
  ])('%i → «%s»', (n, text) => {
    expect(pendingText(t, n)).toBe(text)
  })
})

describe('the status line in the bar', () => {
  it('a desk working alone is only «Автономный режим», with no time', () => {
    const alone = status({ mode: 'standalone', state: 'standalone', lastSyncAt: '2026-11-22T07:00:00.000Z' })
    expect(barText(t, alone, at)).toBe('Автономный режим')
    expect(barLabel(t, alone, at)).toBe('Обмен с сервером: Автономный режим')
  })

  it('on line with nothing waiting: the state and the last exchange', () => {
    const s = status({ lastSyncAt: '2026-11-22T07:05:00.000Z' })
    expect(barText(t, s, at)).toBe('В сети · обмен 07:05')
    expect(barLabel(t, s, at)).toBe('Обмен с сервером: В сети, последний обмен 07:05')
  })

  it('off line: what waits and what the server refused are counted', () => {
    const s = status({ state: 'offline', pending: 3, failed: 1, lastSyncAt: '2026-11-22T07:05:00.000Z' })
    expect(barText(t, s, at)).toBe(
      'Нет связи · 3 изменения ждут отправки · из них с ошибкой: 1 · обмен 07:05',
    )
  })

  it('never exchanged yet: no time at all', () => {
    expect(barText(t, status({ state: 'downloading' }), at)).toBe('Загрузка данных…')
    expect(barText(t, status({ state: 'refused', pending: 1 }), at)).toBe(
      'Обмен остановлен · 1 изменение ждёт отправки',
    )
  })

  it('a desk of the old direct mode says it is not connected to the server, not that a schema differs', () => {
    const s = status({ state: 'unenrolled', pending: 3 })
    expect(barText(t, s, at)).toBe('Не подключено к серверу «Окно» · 3 изменения ждут отправки')
    expect(barLabel(t, s, at)).toBe(
      'Обмен с сервером: Не подключено к серверу «Окно», 3 изменения ждут отправки',
    )
  })

  it('each state has its words', () => {
    expect(
      (['standalone', 'online', 'offline', 'downloading', 'refused', 'unenrolled'] as const).map((s) =>
        stateText(t, s),
      ),
    ).toEqual([
      'Автономный режим',
      'В сети',
      'Нет связи',
      'Загрузка данных…',
      'Обмен остановлен',
      'Не подключено к серверу «Окно»',
    ])
  })
})

describe('downloadPercent', () => {
  it('is null before the rows are counted', () => {
    expect(downloadPercent(null)).toBeNull()
    expect(downloadPercent({ table: 'окна', rowsDone: 0, rowsTotal: 0 })).toBeNull()
  })

  it('rounds down, so 100 % only when every row is in', () => {
    expect(downloadPercent({ table: 'лицевые счета', rowsDone: 0, rowsTotal: 800 })).toBe(0)
    expect(downloadPercent({ table: 'лицевые счета', rowsDone: 333, rowsTotal: 1000 })).toBe(33)
    expect(downloadPercent({ table: 'оплаты', rowsDone: 999_999, rowsTotal: 1_000_000 })).toBe(99)
    expect(downloadPercent({ table: 'оплаты', rowsDone: 1_000_000, rowsTotal: 1_000_000 })).toBe(100)
  })
})

describe('opText', () => {
  it('names the operations in Russian', () => {
    expect([opText(t, 'insert'), opText(t, 'update'), opText(t, 'delete')]).toEqual([
      'добавление',
      'изменение',
      'удаление',
    ])
  })
})
