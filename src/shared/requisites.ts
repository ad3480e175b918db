// Checks of Russian bank and tax requisites: INN, BIC and the control key of a bank account
// (Bank of Russia rules). Used to validate the organisation's details and the payment QR code.

const ACCOUNT_WEIGHTS = [7, 1, 3]

function weightedSum(digits: string, weights: number[]): number {
  let sum = 0
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * (weights[i % weights.length] as number)
  return sum
}

/** INN of a legal entity (10 digits) or a person (12 digits) with valid check digits. */
export function isValidInn(inn: string): boolean {
  const check = (digits: string, weights: number[]): number => (weightedSum(digits, weights) % 11) % 10
  if (/^\d{10}$/.test(inn)) {
    return check(inn.slice(0, 9), [2, 4, 10, 3, 5, 9, 4, 6, 8]) === Number(inn[9])
  }
  if (/^\d{12}$/.test(inn)) {
    return (
      check(inn.slice(0, 10), [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === Number(inn[10]) &&
      check(inn.slice(0, 11), [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === Number(inn[11])
    )
  }
  return false
}

export const isValidBic = (bic: string): boolean => /^04\d{7}$/.test(bic)
export const isValidKpp = (kpp: string): boolean => /^\d{4}[0-9A-Z]{2}\d{3}$/.test(kpp)

function accountKeyOk(prefix3: string, account: string): boolean {
  let sum = 0
  const digits = prefix3 + account
  for (let i = 0; i < digits.length; i++) {
    sum += (Number(digits[i]) * (ACCOUNT_WEIGHTS[i % 3] as number)) % 10
  }
  return sum % 10 === 0
}

/** A settlement account (расчётный счёт) opened in the bank with this BIC. */
export function isValidSettlementAccount(account: string, bic: string): boolean {
  return /^\d{20}$/.test(account) && isValidBic(bic) && accountKeyOk(bic.slice(-3), account)
}

/** The bank's correspondent account at the Bank of Russia, matching its BIC. */
export function isValidCorrespondentAccount(account: string, bic: string): boolean {
  return (
    /^301\d{17}$/.test(account) &&
    isValidBic(bic) &&
    account.slice(-3) === bic.slice(-3) &&
    accountKeyOk(`0${bic.slice(4, 6)}`, account)
  )
}

/** Sets the control digit (position 9) of a 20-digit account so that it passes the key check. */
export function withAccountKey(account: string, prefix3: string): string {
  for (let d = 0; d <= 9; d++) {
    const candidate = `${account.slice(0, 8)}${d}${account.slice(9)}`
    if (accountKeyOk(prefix3, candidate)) return candidate
  }
  throw new Error('unreachable: one digit always satisfies the key')
}
