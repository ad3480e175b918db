// The slip handed to a customer after a cabinet registration or a password reset: login and
// one-time password, where to sign in, and who issued it when. Pure: printed, never stored.
import type { DocumentBlock, PrintDocument } from '../../../shared/print/document'
import { formatDateTimeRu } from '../../../shared/zoned-format'

export interface CredentialsSlipInput {
  kind: 'registration' | 'reset'
  organisation: { name: string; cabinetUrl: string; phone: string }
  office: { name: string; address: string } | null
  clerkName: string
  /** ISO instant; printed in `timeZone` (the organisation's), not the machine's. */
  issuedAt: string
  timeZone: string
  accountNumbers: string[]
  personName: string
  login: string
  password: string
  /** Only ever the masked form («•• •• •••456»): the full passport never reaches a printout. */
  passportMasked: string | null
}

export const SLIP_TITLES: Record<CredentialsSlipInput['kind'], string> = {
  registration: 'Доступ в личный кабинет',
  reset: 'Новый пароль личного кабинета',
}

export const SLIP_TEXTS = {
  changePassword: 'Смените пароль при первом входе.',
  oldPasswordVoid: 'Прежний пароль больше не действует.',
  keepPrivate:
    'Сотрудники никогда не спрашивают ваш пароль — ни в офисе, ни по телефону. Не показывайте этот лист посторонним.',
} as const

function field(label: string, value: string, emphasis?: 'bold' | 'large'): DocumentBlock[] {
  if (!value.trim()) return []
  return [emphasis ? { kind: 'field', label, value, emphasis } : { kind: 'field', label, value }]
}

/**
 * Never marked as a copy: the one-time password is shown and printed once, so there is no
 * reprint; a lost slip means a new reset.
 */
export function buildCredentialsSlip(input: CredentialsSlipInput): PrintDocument {
  // Optional lines are left out when empty; a slip without credentials is a bug upstream.
  if (!input.login.trim() || !input.password.trim()) {
    throw new Error('Слип без логина или пароля не печатается.')
  }
  const title = SLIP_TITLES[input.kind]
  const accounts = input.accountNumbers.filter((n) => n.trim())
  const office = input.office
    ? [input.office.name, input.office.address].filter((s) => s.trim()).join(', ')
    : ''
  const blocks: DocumentBlock[] = [
    { kind: 'title', text: title },
    ...field('Организация', input.organisation.name),
    ...field('Адрес личного кабинета', input.organisation.cabinetUrl),
    ...field(accounts.length > 1 ? 'Лицевые счета' : 'Лицевой счёт', accounts.join(', ')),
    ...field('Абонент', input.personName),
    ...field('Паспорт', input.passportMasked ?? ''),
    { kind: 'separator' },
    ...field('Логин', input.login, 'bold'),
    ...field('Одноразовый пароль', input.password, 'large'),
    { kind: 'separator' },
    { kind: 'text', text: SLIP_TEXTS.changePassword, emphasis: 'bold' },
    ...(input.kind === 'reset' ? [{ kind: 'text', text: SLIP_TEXTS.oldPasswordVoid } as const] : []),
    { kind: 'text', text: SLIP_TEXTS.keepPrivate, emphasis: 'small' },
    { kind: 'separator' },
    ...field('Выдан', formatDateTimeRu(input.issuedAt, input.timeZone)),
    ...field('Отделение', office),
    ...field('Операционист', input.clerkName),
    ...field('Телефон для справок', input.organisation.phone),
  ]
  return { title, blocks }
}
