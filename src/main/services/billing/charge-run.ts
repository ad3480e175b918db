// The monthly charge run: every open account, in chunks, through the pure charge engine
// (src/shared/billing/charges.ts). A chunk's stored charges are compared with the computed ones
// and only differences are written, so running the same period twice changes nothing. A run the
// rate tables cannot price is refused before anything is written, its run row included.
import type { Knex } from 'knex'
import {
  computeAccountCharges,
  normAt,
  type AccountBillingInput,
  type BillingMeter,
  type BillingReading,
  type NormRate,
  type PriorLine,
  type ServiceCharge,
  type TariffRate,
} from '../../../shared/billing/charges'
import { formatPeriodRu, readingPeriod } from '../../../shared/billing/period'
import { billedServiceCodes } from '../../../shared/billing/services'
import type { ChargeRunResult } from '../../../shared/domain/billing'
import { businessDate } from '../../../shared/dates'
import { OknoError } from '../../../shared/ipc/envelope'
import { finishChargeRun, insertChargeRun, openAccountCount } from '../../db/repositories/charge-runs'
import {
  allNorms,
  allServices,
  allTariffs,
  chargeLineValues,
  chargesFor,
  deleteCharges,
  insertCharges,
  type ChargeLineValues,
  type ChunkAccount,
  type LineRow,
  type NewCharge,
  type NewChargeLine,
} from '../../db/repositories/charges'
import { readingValues, type MeterRecord, type ReadingRecord } from '../../db/repositories/readings'
import { recordAudit } from '../core/audit'
import { loadChunk, type LoadedChunk } from './charge-run-load'
import type { ServiceContext } from '../core/context'
import { requireOrganisation } from '../core/organisation'

interface Rates {
  tariffs: TariffRate[]
  norms: NormRate[]
  services: Map<string, { id: string; sort: number }>
  /** Services that have a tariff at all: the others cannot be billed. */
  priced: Set<string>
}

function serviceCodesFor(account: ChunkAccount, meters: MeterRecord[], rates: Rates): string[] {
  const codes = billedServiceCodes(
    meters.map((m) => m.service_code),
    Boolean(Number(account.in_block)),
  )
  return [...codes]
    .filter((c) => rates.services.has(c) && rates.priced.has(c))
    .sort((a, b) => (rates.services.get(a)?.sort ?? 0) - (rates.services.get(b)?.sort ?? 0))
}

function toMeter(m: MeterRecord): BillingMeter {
  return {
    id: m.id,
    serviceCode: m.service_code,
    zones: Number(m.zones),
    digitCapacity: Number(m.digit_capacity),
    installedOn: m.installed_on,
    nextVerificationOn: m.next_verification_on,
    status: m.status,
    removedOn: m.removed_on,
  }
}

function toReading(r: ReadingRecord, zones: number): BillingReading {
  return {
    meterId: r.meter_id,
    period: r.period,
    takenOn: r.taken_on,
    valuesMilli: readingValues(r, zones),
    rollover: Boolean(r.rollover),
  }
}

function toPrior(l: LineRow): PriorLine {
  return {
    period: l.period,
    serviceCode: l.service_code,
    meterId: l.meter_id,
    zone: Number(l.zone),
    kind: l.kind as PriorLine['kind'],
    volumeMilli: Number(l.volume_milli),
    amountKopecks: Number(l.amount_kopecks),
  }
}

/** A comparable fingerprint of a service's lines (stored or computed), independent of their order. */
function signature(lines: readonly ChargeLineValues[]): string {
  return lines
    .map((l) =>
      [
        l.meter_id ?? '',
        l.zone,
        l.kind,
        Number(l.volume_milli),
        Number(l.price_kopecks),
        Number(l.amount_kopecks),
        l.ref_periods,
      ].join(':'),
    )
    .sort()
    .join('|')
}

function computedSignature(charge: ServiceCharge): string {
  return signature(charge.lines.map(chargeLineValues))
}

/**
 * What the rate tables lack for `period`, in the services' order: a service with tariffs but none
 * in force yet, or with norms but none in force yet. A month before the organisation's first
 * tariff (2000-01) stops here, before the run writes anything.
 */
function missingRate(rates: Rates, names: Map<string, string>, period: string): string | null {
  const codes = [...rates.services.keys()].sort(
    (a, b) => (rates.services.get(a)?.sort ?? 0) - (rates.services.get(b)?.sort ?? 0),
  )
  for (const code of codes) {
    const name = names.get(code) ?? code
    const priced = rates.tariffs.some((t) => t.serviceCode === code && t.validFrom.slice(0, 7) <= period)
    if (rates.priced.has(code) && !priced) return `тарифа услуги «${name}»`
    const normed = rates.norms.some((n) => n.serviceCode === code)
    if (rates.priced.has(code) && normed && !normAt(rates.norms, code, period))
      return `норматива услуги «${name}»`
  }
  return null
}

/** The engine over a loaded chunk: each account's charges for the period. */
function computeChunk(loaded: LoadedChunk, period: string, rates: Rates) {
  const { accounts, meters, readings: counting, prior } = loaded
  const byAccount = <T extends { account_id: string }>(rows: T[]): Map<string, T[]> => {
    const map = new Map<string, T[]>()
    for (const r of rows) {
      const list = map.get(r.account_id)
      if (list) list.push(r)
      else map.set(r.account_id, [r])
    }
    return map
  }
  const metersBy = byAccount(meters)
  const readingsBy = byAccount(counting)
  const priorBy = byAccount(prior)
  return accounts.map((a) => {
    const own = metersBy.get(a.id) ?? []
    const zones = new Map(own.map((m) => [m.id, Number(m.zones)]))
    const input: AccountBillingInput = {
      period,
      serviceCodes: serviceCodesFor(a, own, rates),
      registered: a.registered,
      owners: a.owners,
      areaCentiSqm: Number(a.area_centi_sqm),
      meters: own.map(toMeter),
      readings: (readingsBy.get(a.id) ?? []).map((r) => toReading(r, zones.get(r.meter_id) ?? 1)),
      priorLines: (priorBy.get(a.id) ?? []).map(toPrior),
      tariffs: rates.tariffs,
      norms: rates.norms,
    }
    return { accountId: a.id, charges: computeAccountCharges(input) }
  })
}

/** Writes what differs from what is stored; returns how many account-services changed. */
async function writeChunk(
  ctx: ServiceContext,
  trx: Knex.Transaction,
  computed: Array<{ accountId: string; charges: ServiceCharge[] }>,
  period: string,
  runId: string,
  rates: Rates,
): Promise<number> {
  const ids = computed.map((c) => c.accountId)
  const stored = await chargesFor(trx, ctx.db.dialect, ids, period)
  const storedLines = new Map<string, LineRow[]>()
  for (const l of stored.lines) {
    const list = storedLines.get(l.charge_id as string)
    if (list) list.push(l)
    else storedLines.set(l.charge_id as string, [l])
  }
  const storedBy = new Map(stored.charges.map((c) => [`${c.account_id}:${c.service_code}`, c]))
  const now = ctx.clock.now().toISOString()
  const remove: string[] = []
  const charges: NewCharge[] = []
  const lines: NewChargeLine[] = []
  for (const { accountId, charges: list } of computed) {
    for (const charge of list) {
      const key = `${accountId}:${charge.serviceCode}`
      const old = storedBy.get(key)
      storedBy.delete(key)
      if (
        old &&
        old.basis === charge.basis &&
        signature(storedLines.get(old.id) ?? []) === computedSignature(charge)
      )
        continue
      if (old) remove.push(old.id)
      const serviceId = (rates.services.get(charge.serviceCode) as { id: string }).id
      const chargeId = ctx.newId()
      charges.push({
        id: chargeId,
        account_id: accountId,
        service_id: serviceId,
        period,
        basis: charge.basis,
        amount_kopecks: charge.amountKopecks,
        run_id: runId,
        computed_at: now,
      })
      for (const l of charge.lines) {
        lines.push({
          id: ctx.newId(),
          charge_id: chargeId,
          account_id: accountId,
          service_id: serviceId,
          period,
          ...chargeLineValues(l),
        })
      }
    }
  }
  // Services no longer billed on an account (a meter removed, say): their charge goes.
  remove.push(...[...storedBy.values()].map((c) => c.id))
  await deleteCharges(trx, remove)
  await insertCharges(trx, ctx.db.dialect, charges, lines)
  return charges.length + [...storedBy.values()].length
}

export async function runCharges(
  ctx: ServiceContext,
  period: string,
  clerkId: string | null,
  onProgress?: (done: number, total: number) => void,
): Promise<ChargeRunResult> {
  const started = performance.now()
  const org = await requireOrganisation(ctx)
  const today = businessDate(ctx.clock.now(), org.time_zone)
  const current = readingPeriod(today, {
    fromDay: Number(org.reading_window_from),
    toDay: Number(org.reading_window_to),
  }).period
  if (period > current) {
    throw new OknoError(
      'VALIDATION',
      `Расчёт за ${formatPeriodRu(period)} ещё невозможен: месяц не наступил.`,
      { period: 'Выберите текущий или прошедший месяц' },
    )
  }
  const [tariffs, norms, services] = await Promise.all([
    allTariffs(ctx.db),
    allNorms(ctx.db),
    allServices(ctx.db),
  ])
  const rates: Rates = {
    tariffs,
    norms,
    services: new Map(services.map((s) => [s.code, { id: s.id, sort: Number(s.sort) }])),
    priced: new Set(tariffs.map((t) => t.serviceCode)),
  }
  const missing = missingRate(rates, new Map(services.map((x) => [x.code, x.name])), period)
  if (missing) {
    throw new OknoError(
      'VALIDATION',
      `Расчёт остановлен: нет ${missing} на ${formatPeriodRu(period)} (${period}): добавьте его в справочник и повторите начисление.`,
      { period: 'Для этого месяца нет тарифов или нормативов' },
    )
  }
  const total = await openAccountCount(ctx.db.knex)
  const runId = ctx.newId()
  const run = { id: runId, period, started_at: ctx.clock.now().toISOString(), clerk_id: clerkId }
  // The run's row goes in with the first chunk's charges: a run the engine stops on its first
  // chunk leaves nothing behind.
  let recorded = false
  let done = 0
  let changed = 0
  // What the run charged: after it, the stored charges of every open account are the computed
  // ones, so their sum is this (a SUM over the period's rows costs a million-account run a minute).
  let totalKopecks = 0
  // The next chunk's reads are queued before this one is computed: SQLite works on them in its
  // own thread while the engine runs here, and the write transaction follows on the one
  // connection. (A second, reading connection was tried: with it always reading, SQLite cannot
  // restart its write-ahead log, which then grows and slows every read.)
  let next = loadChunk(ctx.db, '', period)
  for (;;) {
    const loaded = await next
    if (!loaded) break
    next = loadChunk(ctx.db, (loaded.accounts.at(-1) as ChunkAccount).id, period)
    // A failure below leaves `next` running: its outcome no longer matters.
    next.catch(() => {})
    let computed
    try {
      computed = computeChunk(loaded, period, rates)
    } catch (err) {
      throw new OknoError(
        'VALIDATION',
        `Расчёт остановлен: ${(err as Error).message}. Проверьте тарифы и нормативы.`,
      )
    }
    for (const c of computed) for (const charge of c.charges) totalKopecks += charge.amountKopecks
    changed += await ctx.db.knex.transaction(async (trx) => {
      if (!recorded) await insertChargeRun(trx, run)
      return writeChunk(ctx, trx, computed, period, runId, rates)
    })
    recorded = true
    done += loaded.accounts.length
    onProgress?.(done, total)
  }
  const finished = { finished_at: ctx.clock.now().toISOString(), accounts: done, changed }
  if (recorded) await finishChargeRun(ctx.db.knex, runId, finished)
  else await insertChargeRun(ctx.db.knex, { ...run, ...finished })
  await recordAudit(ctx, {
    action: 'charges.run',
    clerkId,
    objectType: 'period',
    objectId: period,
    details: { accounts: done, changed, totalKopecks },
  })
  return {
    runId,
    period,
    accounts: done,
    changed,
    totalKopecks,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  }
}
