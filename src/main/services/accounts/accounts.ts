// Finding an account (one search field for number, name or address) and its card.
import type { AccountCard, AccountSearchHit, AccountSearchResult } from '../../../shared/domain/account'
import { verificationState } from '../../../shared/domain/meter'
import { businessDate } from '../../../shared/dates'
import { formatFullAddress, formatStreet } from '../../../shared/address'
import { OknoError } from '../../../shared/ipc/envelope'
import { parseSearchQuery } from '../../../shared/search/query'
import { maskPassport, parseSeriesNumber } from '../../../shared/passport'
import {
  searchByAddress,
  searchByName,
  searchByNumber,
  searchByPerson,
} from '../../db/repositories/account-search'
import { findAccount, listAccountPersons, listMeters, type AccountRow } from '../../db/repositories/accounts'
import { recordAudit } from '../core/audit'
import type { ServiceContext } from '../core/context'
import { personByPassport } from '../cabinet/passports'
import { requireOrganisation } from '../core/organisation'
import { auditCardView } from './view-audit'

/** Rows rendered at most; the clerk refines the query beyond that. */
export const SEARCH_LIMIT = 50

/** `clerkId`: who searched — a lookup by passport touches personal data and is audited. */
export async function searchAccounts(
  ctx: ServiceContext,
  text: string,
  clerkId: string | null = null,
): Promise<AccountSearchResult> {
  const query = parseSearchQuery(text)
  // One row more than shown tells whether the clerk should refine the query.
  const want = SEARCH_LIMIT + 1
  let items
  switch (query.kind) {
    case 'empty':
      return { items: [], more: false }
    case 'number':
      items = await searchByNumber(ctx.db, query.digits, want)
      break
    case 'address':
      items = await searchByAddress(ctx.db, query.address, want)
      break
    case 'passport':
      items = await searchByPassport(ctx, query.digits, clerkId, want)
      break
    case 'words': {
      items = await searchByName(ctx.db, query.words, want)
      if (items.length < want && query.street) {
        const seen = new Set(items.map((h) => h.accountId))
        // Ask for a full page: street hits already found by name are dropped after the query.
        const byStreet = await searchByAddress(ctx.db, query.street, want)
        items.push(...byStreet.filter((h) => !seen.has(h.accountId)).slice(0, want - items.length))
      }
      break
    }
  }
  return { items: items.slice(0, SEARCH_LIMIT), more: items.length > SEARCH_LIMIT }
}

async function searchByPassport(
  ctx: ServiceContext,
  digits: string,
  clerkId: string | null,
  want: number,
): Promise<AccountSearchHit[]> {
  const passport = parseSeriesNumber(digits)
  if (!passport) return []
  const personId = await personByPassport(ctx, passport.series, passport.number)
  await recordAudit(ctx, {
    action: 'passport.search',
    clerkId,
    objectType: 'person',
    objectId: personId ?? undefined,
    details: { masked: maskPassport(passport), found: personId !== null },
  })
  return personId ? searchByPerson(ctx.db, personId, want) : []
}

/** `clerkId`: who opened it — the card shows personal data, so the view is audited (view-audit.ts). */
export async function getAccountCard(
  ctx: ServiceContext,
  accountId: string,
  clerkId: string | null = null,
): Promise<AccountCard> {
  const account = await findAccount(ctx.db, accountId)
  if (!account) {
    throw new OknoError(
      'NOT_FOUND',
      'Лицевой счёт не найден. Повторите поиск: возможно, счёт был удалён или объединён.',
    )
  }
  const org = await requireOrganisation(ctx)
  const today = businessDate(ctx.clock.now(), org.time_zone)
  const [persons, meters] = await Promise.all([
    listAccountPersons(ctx.db, accountId),
    listMeters(ctx.db, accountId),
  ])
  if (clerkId)
    await auditCardView(ctx, clerkId, accountId, { number: account.number, persons: persons.length })
  return {
    id: account.id,
    number: account.number,
    status: account.status,
    areaCentiSqm: Number(account.area_centi_sqm),
    openedOn: account.opened_on,
    address: {
      street: formatStreet(account.street_kind, account.street_name),
      house: account.house,
      apartment: account.apartment,
      full: formatFullAddress(account),
    },
    office: account.office_id ? { id: account.office_id, name: account.office_name ?? '' } : null,
    persons,
    registeredCount: persons.filter((p) => p.registered).length,
    meters: meters.map((m) => {
      const v = verificationState(today, m.next_verification_on, org.verification_warning_days)
      return {
        id: m.id,
        serviceCode: m.service_code,
        serviceName: m.service_name,
        unit: m.unit,
        serial: m.serial,
        zones: Number(m.zones),
        digitCapacity: Number(m.digit_capacity),
        installedOn: m.installed_on,
        nextVerificationOn: m.next_verification_on,
        status: m.status,
        verification: m.status === 'active' ? v.state : 'ok',
        daysToVerification: v.days,
      }
    }),
  }
}

/** The account `accountId`, or NOT_FOUND: a list for an account that does not exist is not empty. */
export async function requireAccount(ctx: ServiceContext, accountId: string): Promise<AccountRow> {
  const account = await findAccount(ctx.db, accountId)
  if (!account) throw new OknoError('NOT_FOUND', 'Лицевой счёт не найден. Повторите поиск.')
  return account
}
