import { describe, expect, it, vi } from 'vitest'
import { toPosPrintData } from '../../../../../src/main/printing/pos-data'
import {
  buildCredentialsSlip,
  SLIP_TEXTS,
  type CredentialsSlipInput,
} from '../../../../../src/main/services/documents/credentials-slip'
import {
  printDocumentSchema,
  type DocumentBlock,
  type PrintDocument,
} from '../../../../../src/shared/print/document'
import { renderDocumentHtml } from '../../../../../src/shared/print/render-html'

const INPUT: CredentialsSlipInput = {
  kind: 'registration',
  organisation: { name: 'ГУП «ЕИРЦ»', cabinetUrl: 'https://lk.eirc.example', phone: '+7 (8692) 00-00-00' },
  office: { name: 'Отделение «Центр»', address: 'ул. Ленина, 1' },
  clerkName: 'Петрова Анна Сергеевна',
  issuedAt: '2026-11-22T11:05:00.000Z',
  timeZone: 'Europe/Simferopol',
  accountNumbers: ['1000123'],
  personName: 'Иванов Иван Иванович',
  login: '1000123',
  password: 'Ab3dE5gH7k',
  passportMasked: '•• •• •••456',
}

function fields(doc: PrintDocument): Record<string, Extract<DocumentBlock, { kind: 'field' }>> {
  return Object.fromEntries(doc.blocks.flatMap((b) => (b.kind === 'field' ? [[b.label, b]] : [])))
}

function texts(doc: PrintDocument): string[] {
  return doc.blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : []))
}

describe('buildCredentialsSlip', () => {
  it('carries the login and the one-time password, the password in large type', () => {
    const f = fields(buildCredentialsSlip(INPUT))
    expect(f['Логин']).toEqual({ kind: 'field', label: 'Логин', value: '1000123', emphasis: 'bold' })
    expect(f['Одноразовый пароль']).toEqual({
      kind: 'field',
      label: 'Одноразовый пароль',
      value: 'Ab3dE5gH7k',
      emphasis: 'large',
    })
  })

  it('names the organisation, the cabinet address, the account, the customer, the office and the clerk', () => {
    const f = fields(buildCredentialsSlip(INPUT))
    expect(f['Организация']?.value).toBe('ГУП «ЕИРЦ»')
    expect(f['Адрес личного кабинета']?.value).toBe('https://lk.eirc.example')
    expect(f['Лицевой счёт']?.value).toBe('1000123')
    expect(f['Абонент']?.value).toBe('Иванов Иван Иванович')
    expect(f['Отделение']?.value).toBe('Отделение «Центр», ул. Ленина, 1')
    expect(f['Операционист']?.value).toBe('Петрова Анна Сергеевна')
    expect(f['Телефон для справок']?.value).toBe('+7 (8692) 00-00-00')
  })

  it('lists several accounts under a plural label', () => {
    const f = fields(buildCredentialsSlip({ ...INPUT, accountNumbers: ['1000123', '1000456'] }))
    expect(f['Лицевые счета']?.value).toBe('1000123, 1000456')
    expect(f['Лицевой счёт']).toBeUndefined()
  })

  it('leaves out what is unknown: no office, no name, no phone, no passport on file', () => {
    const f = fields(
      buildCredentialsSlip({
        ...INPUT,
        office: null,
        personName: '',
        organisation: { ...INPUT.organisation, phone: ' ' },
        passportMasked: null,
      }),
    )
    for (const label of ['Отделение', 'Абонент', 'Телефон для справок', 'Паспорт'])
      expect(f[label]).toBeUndefined()
  })

  it('refuses to build a slip without a login or a password', () => {
    expect(() => buildCredentialsSlip({ ...INPUT, password: '' })).toThrow()
    expect(() => buildCredentialsSlip({ ...INPUT, login: '  ' })).toThrow()
  })

  describe('passport', () => {
    it('prints the masked passport exactly as given', () => {
      expect(fields(buildCredentialsSlip(INPUT))['Паспорт']?.value).toBe('•• •• •••456')
    })

    it('takes the passport only from passportMasked, whatever else the input holds', () => {
      // A full number pasted into the name by mistake is the caller's text, printed as the name;
      // the passport line still shows only the masked form.
      const doc = buildCredentialsSlip({ ...INPUT, personName: 'Иванов 4506 123456' })
      const f = fields(doc)
      expect(f['Паспорт']?.value).toBe('•• •• •••456')
      expect(doc.blocks.filter((b) => b.kind === 'field' && b.label === 'Паспорт')).toHaveLength(1)
    })

    it('cannot be given the full passport: the input has no field for it', () => {
      const withPassport = {
        ...INPUT,
        // @ts-expect-error the builder's input has no full passport
        passport: { series: '4506', number: '123456' },
      } satisfies CredentialsSlipInput
      const printed = JSON.stringify(buildCredentialsSlip(withPassport))
      expect(printed).not.toContain('123456')
      expect(Object.keys(INPUT).sort()).toEqual(
        [
          'accountNumbers',
          'clerkName',
          'issuedAt',
          'kind',
          'login',
          'office',
          'organisation',
          'passportMasked',
          'password',
          'personName',
          'timeZone',
        ].sort(),
      )
    })
  })

  describe('date and time in the organisation time zone', () => {
    // Process time zones to try, with the local hour of 11:05 UTC on 22.11.2026 there.
    it.each([
      ['UTC', 11],
      ['America/New_York', 6],
      ['Asia/Tokyo', 20],
      ['Europe/Simferopol', 14],
    ] as const)('prints Simferopol time whatever the process TZ (%s)', (tz, localHour) => {
      vi.stubEnv('TZ', tz) // restored after the test (unstubEnvs)
      expect(new Date(INPUT.issuedAt).getHours()).toBe(localHour)
      expect(fields(buildCredentialsSlip(INPUT))['Выдан']?.value).toBe('22.11.2026 14:05')
    })

    it('follows the time zone it is given', () => {
      const slip = buildCredentialsSlip({ ...INPUT, timeZone: 'Asia/Yekaterinburg' })
      expect(fields(slip)['Выдан']?.value).toBe('22.11.2026 16:05')
    })

    it('refuses an instant that is not one', () => {
      expect(() => buildCredentialsSlip({ ...INPUT, issuedAt: 'вчера' })).toThrow(RangeError)
    })
  })

  describe('texts', () => {
    it('registration: title, change at first sign-in, never asked for the password', () => {
      const doc = buildCredentialsSlip(INPUT)
      expect(doc.title).toBe('Доступ в личный кабинет')
      expect(doc.blocks[0]).toEqual({ kind: 'title', text: 'Доступ в личный кабинет' })
      expect(texts(doc)).toEqual([SLIP_TEXTS.changePassword, SLIP_TEXTS.keepPrivate])
      expect(SLIP_TEXTS.changePassword).toBe('Смените пароль при первом входе.')
      expect(SLIP_TEXTS.keepPrivate).toMatch(/никогда не спрашивают ваш пароль/)
      expect(SLIP_TEXTS.keepPrivate).toMatch(/Не показывайте этот лист посторонним/)
    })

    it('reset: its own title, and the old password no longer works', () => {
      const doc = buildCredentialsSlip({ ...INPUT, kind: 'reset' })
      expect(doc.title).toBe('Новый пароль личного кабинета')
      expect(doc.blocks[0]).toEqual({ kind: 'title', text: 'Новый пароль личного кабинета' })
      expect(texts(doc)).toEqual([
        SLIP_TEXTS.changePassword,
        'Прежний пароль больше не действует.',
        SLIP_TEXTS.keepPrivate,
      ])
      expect(JSON.stringify(buildCredentialsSlip(INPUT))).not.toContain('Прежний пароль')
    })
  })

  it('is a valid print document, never a copy', () => {
    for (const kind of ['registration', 'reset'] as const) {
      const doc = buildCredentialsSlip({ ...INPUT, kind })
      expect(printDocumentSchema.parse(doc)).toEqual(doc)
      expect(doc.copy).toBeUndefined()
    }
  })

  it('reaches paper escaped: a hostile name or office stays text on A4, in the preview and on a roll', () => {
    const hostile = '<img src=x onerror=alert(1)>'
    const doc = buildCredentialsSlip({
      ...INPUT,
      personName: hostile,
      office: { name: hostile, address: '<script>alert(2)</script>' },
    })
    for (const paper of ['a4', 'thermal58', 'thermal80'] as const) {
      const html = renderDocumentHtml(doc, paper)
      expect(html).not.toMatch(/<img|<script/i)
      expect(html).toContain('Ab3dE5gH7k')
    }
    for (const paper of ['thermal58', 'thermal80'] as const) {
      const values = toPosPrintData(doc, paper)
        .map((l) => l.value)
        .join('\n')
      expect(values).not.toMatch(/<img|<script/i)
      expect(values).toContain('&lt;img src=x onerror=alert(1)&gt;')
    }
  })
})
