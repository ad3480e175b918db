import { describe, expect, it } from 'vitest'
import {
  isValidBic,
  isValidCorrespondentAccount,
  isValidInn,
  isValidKpp,
  isValidSettlementAccount,
  withAccountKey,
} from '../../../src/shared/requisites'

/** Every string that differs from `s` in exactly one digit. */
function oneDigitChanges(s: string): string[] {
  const out: string[] = []
  for (let i = 0; i < s.length; i++) {
    for (let d = 0; d <= 9; d++) {
      if (String(d) !== s[i]) out.push(`${s.slice(0, i)}${d}${s.slice(i + 1)}`)
    }
  }
  return out
}

describe('isValidInn', () => {
  it('accepts real INNs of organisations and people', () => {
    expect(isValidInn('7707083893')).toBe(true) // ПАО Сбербанк
    expect(isValidInn('7736207543')).toBe(true) // ООО «Яндекс»
    expect(isValidInn('500100732259')).toBe(true) // a person (12 digits)
  })

  it('refuses a wrong check digit', () => {
    expect(isValidInn('7707083894')).toBe(false)
    expect(isValidInn('500100732258')).toBe(false)
    expect(isValidInn('500100732249')).toBe(false)
  })

  it('refuses wrong lengths and non-digits', () => {
    for (const inn of ['', '770708389', '77070838930', '5001007322590', '77070838 3', '770708389a']) {
      expect(isValidInn(inn)).toBe(false)
    }
  })
})

describe('isValidBic and isValidKpp', () => {
  it('accepts a Russian BIC: nine digits starting 04', () => {
    expect(isValidBic('044525225')).toBe(true)
    for (const bic of ['144525225', '04452522', '0445252250', '04452522a'])
      expect(isValidBic(bic)).toBe(false)
  })

  it('accepts a KPP: four digits, two digits or capitals, three digits', () => {
    expect(isValidKpp('773601001')).toBe(true)
    expect(isValidKpp('7736AB001')).toBe(true)
    for (const kpp of ['77360100', '7736010011', '7736ab001', 'A73601001'])
      expect(isValidKpp(kpp)).toBe(false)
  })
})

describe('bank account keys', () => {
  const sber = { bic: '044525225', corr: '30101810400000000225' }
  const tbank = { bic: '044525974', corr: '30101810145250000974' }

  it('accepts real correspondent accounts with their BIC', () => {
    expect(isValidCorrespondentAccount(sber.corr, sber.bic)).toBe(true)
    expect(isValidCorrespondentAccount(tbank.corr, tbank.bic)).toBe(true)
  })

  it('refuses a correspondent account with another bank’s BIC or a changed digit', () => {
    expect(isValidCorrespondentAccount(sber.corr, tbank.bic)).toBe(false)
    expect(isValidCorrespondentAccount('40702810400000000225', sber.bic)).toBe(false)
    for (const changed of oneDigitChanges(sber.corr)) {
      expect(isValidCorrespondentAccount(changed, sber.bic)).toBe(false)
    }
  })

  it('withAccountKey makes a settlement account that passes, and any one-digit change fails', () => {
    const account = withAccountKey('40702810000000012345', sber.bic.slice(-3))
    expect(account).toMatch(/^40702810\d00000012345$/)
    expect(isValidSettlementAccount(account, sber.bic)).toBe(true)
    for (const changed of oneDigitChanges(account)) {
      expect(isValidSettlementAccount(changed, sber.bic)).toBe(false)
    }
  })

  it('ties a settlement account to its bank', () => {
    const account = withAccountKey('40702810000000012345', sber.bic.slice(-3))
    // The key covers the BIC's last three digits: another branch's BIC fails.
    for (const bic of ['044525226', '044525215', '044525125'])
      expect(isValidSettlementAccount(account, bic)).toBe(false)
    expect(isValidSettlementAccount(account, '14452522')).toBe(false)
    expect(isValidSettlementAccount(account.slice(1), sber.bic)).toBe(false)
  })
})
