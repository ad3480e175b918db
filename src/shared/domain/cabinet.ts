// The customer's personal cabinet (личный кабинет) as the counter sees it.
import type { PrintDocument } from '../print/document'

/** none: not registered; must_change: the one-time password is still in force. */
export type CabinetStatus = 'none' | 'active' | 'must_change' | 'blocked'

export const MAX_FAILED_IDENTITY_CHECKS = 3

export interface CabinetState {
  accountId: string
  status: CabinetStatus
  cabinetId: string | null
  login: string | null
  email: string | null
  phone: string | null
  holderId: string | null
  holderName: string | null
  /** «•• •• •••456» when the holder's passport is on file. */
  passportMasked: string | null
  accountNumbers: string[]
  createdAt: string | null
  passwordChangedAt: string | null
  notifications: { email: boolean; sms: boolean }
  reset: { blocked: boolean; failedToday: number; attemptsLeft: number }
}

/** A cabinet registered or a password reset: the one-time password travels only in this reply. */
export interface CabinetIssued {
  state: CabinetState
  login: string
  password: string
  slip: PrintDocument
  warnings: string[]
}

export interface PassportView {
  personId: string
  seriesNumber: string
  issuedOn: string
  issuedBy: string
  departmentCode: string
  birthDate: string
  holderName: string
}

/** What the online cabinet would get back when a customer signs in. */
export type CabinetLoginResult =
  | { ok: true; cabinetId: string; mustChange: boolean; accountNumbers: string[] }
  | { ok: false; reason: 'unknown' | 'wrong_password' | 'blocked' }
