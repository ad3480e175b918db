// Meter readings at the counter: the form's data, the checks, accepting a set of readings in
// one write transaction (with the audit entry and outbox rows), and each meter's history.
import { formatFullAddress } from '../../../shared/address'
import type { Knex } from 'knex'
import { averageMonthlyConsumption, readingConsumption } from '../../../shared/billing/consumption'
import { addPeriods, readingPeriod } from '../../../shared/billing/period'
import type {
  MeterForReading,
  MeterHistory,
  ReadingCheckResult,
  ReadingsForm,
  ReadingsInput,
  ReadingsPosted,
} from '../../../shared/domain/billing'
import type { ClerkInfo } from '../../../shared/domain/clerk'
import { businessDate } from '../../../shared/dates'
import { OknoError } from '../../../shared/ipc/envelope'
import { markMeterReplaced } from '../../db/repositories/meters'
import { findOffice } from '../../db/repositories/organisation'
import {
  metersOf,
  readingsOf,
  readingValues,
  supersedeReading,
  type MeterRecord,
  type ReadingRecord,
} from '../../db/repositories/readings'
import { requireAccount } from '../accounts/accounts'
import { appendAudit } from '../core/audit'
import type { ServiceContext } from '../core/context'
import { buildReadingSlip } from '../documents/reading-slip'
import { enqueueOutbox, enqueueOutboxMany, insertRecorded, type OutboxEntry } from '../core/outbox'
import { requireOrganisation } from '../core/organisation'
import { evaluateReadings, type EvaluatedEntry, type Evaluation } from './reading-checks'

/** How much history the checks and the form look at (the average needs six periods and a baseline). */
const HISTORY_PERIODS = 13
const ZONE_NAMES: Record<number, string[]> = { 1: ['—'], 2: ['день', 'ночь'], 3: ['пик', 'полупик', 'ночь'] }

async function loadContext(ctx: ServiceContext, accountId: string, takenOn?: string) {
  const account = await requireAccount(ctx, accountId)
  const org = await requireOrganisation(ctx)
  const today = businessDate(ctx.clock.now(), org.time_zone)
  const window = { fromDay: Number(org.reading_window_from), toDay: Number(org.reading_window_to) }
  const since = addPeriods(readingPeriod(today, window).period, -HISTORY_PERIODS)
  const [meters, readings] = await Promise.all([
    metersOf(ctx.db, [accountId]),
    readingsOf(ctx.db, [accountId], since),
  ])
  return {
    account,
    org,
    today,
    window,
    meters,
    readings,
    checks: {
      today,
      takenOn: takenOn ?? today,
      window,
      anomalyFactor: Number(org.anomaly_factor),
      meters: new Map(meters.map((m) => [m.id, m])),
      readings,
    },
  }
}

function point(r: ReadingRecord, zones: number) {
  return { period: r.period, takenOn: r.taken_on, valuesMilli: readingValues(r, zones) }
}

export async function readingsForm(ctx: ServiceContext, accountId: string): Promise<ReadingsForm> {
  const { today, window, meters, readings } = await loadContext(ctx, accountId)
  const { period, outsideWindow } = readingPeriod(today, window)
  const active = meters.filter((m) => m.status === 'active')
  return {
    accountId,
    today,
    period,
    outsideWindow,
    window,
    meters: active.map((m): MeterForReading => {
      const own = readings.filter((r) => r.meter_id === m.id && r.status === 'active')
      const previous = own.filter((r) => r.period < period).at(-1)
      const current = own.filter((r) => r.period === period && r.kind !== 'start').at(-1)
      return {
        meterId: m.id,
        serviceCode: m.service_code,
        serviceName: m.service_name,
        unit: m.unit,
        serial: m.serial,
        zones: Number(m.zones),
        digitCapacity: Number(m.digit_capacity),
        fractionDigits: Number(m.fraction_digits),
        nextVerificationOn: m.next_verification_on,
        lapsed: m.next_verification_on < today,
        previous: previous ? point(previous, m.zones) : null,
        current: current ? point(current, m.zones) : null,
        averageMilli: averageMonthlyConsumption(
          own.map((r) => point(r, m.zones)),
          period,
        ),
      }
    }),
  }
}

function summary(evaluation: Evaluation, period: string): ReadingCheckResult {
  return {
    period,
    issues: evaluation.issues,
    consumption: Object.fromEntries(evaluation.entries.map((e) => [e.meter.id, e.consumption])),
  }
}

export async function checkReadings(ctx: ServiceContext, input: ReadingsInput): Promise<ReadingCheckResult> {
  const { checks, window } = await loadContext(ctx, input.accountId, input.takenOn)
  return summary(evaluateReadings(checks, input.entries), readingPeriod(input.takenOn, window).period)
}

function refuse(evaluation: Evaluation): never {
  const errors = evaluation.issues.filter((i) => i.level === 'error')
  const pending = evaluation.issues.filter((i) => i.level === 'confirm')
  const first = errors[0] ?? pending[0]
  const fields = Object.fromEntries(
    [...errors, ...pending].map((i) => [
      i.zone === null ? i.meterId || 'takenOn' : `${i.meterId}.${i.zone}`,
      i.message,
    ]),
  )
  throw new OknoError(
    errors.length > 0 ? 'VALIDATION' : 'CONFLICT',
    errors.length > 0
      ? `Показания не приняты: ${first?.message ?? 'проверьте значения.'}`
      : `Нужно подтверждение: ${first?.message ?? ''}`,
    fields,
  )
}

/**
 * One accepted entry: a superseded reading or a replaced meter is written at once (rare); the
 * new reading is returned, to be inserted with the others in one statement, and the supersession
 * to be recorded in the outbox.
 */
async function prepareEntry(
  ctx: ServiceContext,
  trx: Knex.Transaction,
  e: EvaluatedEntry,
  input: ReadingsInput,
  clerkId: string,
  now: string,
): Promise<{ row: Record<string, unknown> & { id: string }; superseded: OutboxEntry | null }> {
  let meterId = e.meter.id
  if (e.entry.replacement && e.replacementStart) {
    meterId = await replaceMeter(ctx, trx, e, input, clerkId, now)
  }
  const zones = [...e.valuesMilli, null, null]
  const row = {
    id: ctx.newId(),
    meter_id: meterId,
    account_id: input.accountId,
    period: e.period,
    taken_on: input.takenOn,
    source: input.source,
    kind: 'regular',
    zone1_milli: zones[0],
    zone2_milli: zones[1],
    zone3_milli: zones[2],
    rollover: e.entry.confirm?.rollover === true && !e.entry.replacement,
    status: 'active',
    anomaly: e.review,
    review: e.review,
    billable: e.billable,
    clerk_id: clerkId,
    created_at: now,
  }
  if (!e.existing || e.entry.replacement) return { row, superseded: null }
  await supersedeReading(trx, e.existing.id, row.id)
  return {
    row,
    superseded: {
      entity: 'readings',
      entityId: e.existing.id,
      op: 'update',
      payload: { id: e.existing.id, status: 'superseded', superseded_by: row.id },
    },
  }
}

/** The old meter leaves (replaced), the new one arrives with its start reading. */
async function replaceMeter(
  ctx: ServiceContext,
  trx: Knex.Transaction,
  e: EvaluatedEntry,
  input: ReadingsInput,
  clerkId: string,
  now: string,
): Promise<string> {
  const r = e.entry.replacement as NonNullable<EvaluatedEntry['entry']['replacement']>
  const meter = {
    id: ctx.newId(),
    account_id: input.accountId,
    service_id: e.meter.service_id,
    serial: r.serial,
    zones: e.meter.zones,
    digit_capacity: r.digitCapacity,
    fraction_digits: r.fractionDigits,
    installed_on: r.installedOn,
    next_verification_on: r.nextVerificationOn,
    status: 'active',
    created_at: now,
    updated_at: now,
  }
  await insertRecorded(ctx, trx, 'meters', [meter])
  await markMeterReplaced(trx, e.meter.id, { removedOn: r.installedOn, replacedBy: meter.id, now })
  const start = (e.replacementStart as number[]).concat([null, null] as unknown as number[])
  const startRow = {
    id: ctx.newId(),
    meter_id: meter.id,
    account_id: input.accountId,
    period: readingPeriod(r.installedOn, { fromDay: 1, toDay: 31 }).period,
    taken_on: r.installedOn,
    source: input.source,
    kind: 'start',
    zone1_milli: start[0],
    zone2_milli: start[1] ?? null,
    zone3_milli: start[2] ?? null,
    rollover: false,
    status: 'active',
    anomaly: false,
    review: false,
    billable: true,
    clerk_id: clerkId,
    created_at: now,
  }
  await enqueueOutbox(ctx, trx, {
    entity: 'meters',
    entityId: e.meter.id,
    op: 'update',
    payload: { id: e.meter.id, status: 'replaced', removed_on: r.installedOn, replaced_by: meter.id },
  })
  await insertRecorded(ctx, trx, 'readings', [startRow])
  await appendAudit(ctx, trx, {
    action: 'meter.replace',
    clerkId,
    objectType: 'meter',
    objectId: e.meter.id,
    details: {
      account: input.accountId,
      oldSerial: e.meter.serial,
      newSerial: r.serial,
      installedOn: r.installedOn,
    },
  })
  return meter.id
}

export async function postReadings(
  ctx: ServiceContext,
  clerk: ClerkInfo,
  input: ReadingsInput,
): Promise<ReadingsPosted> {
  const loaded = await loadContext(ctx, input.accountId, input.takenOn)
  const evaluation = evaluateReadings(loaded.checks, input.entries)
  if (evaluation.issues.some((i) => i.level === 'error' || i.level === 'confirm')) refuse(evaluation)
  const now = ctx.clock.now().toISOString()
  const period = readingPeriod(input.takenOn, loaded.window).period
  const accepted = await ctx.db.knex.transaction(async (trx) => {
    const rows: ReadingsPosted['accepted'] = []
    const inserts: Array<Record<string, unknown> & { id: string }> = []
    const superseded: OutboxEntry[] = []
    for (const e of evaluation.entries) {
      const prepared = await prepareEntry(ctx, trx, e, input, clerk.id, now)
      inserts.push(prepared.row)
      if (prepared.superseded) superseded.push(prepared.superseded)
      rows.push({
        meterId: e.meter.id,
        readingId: prepared.row.id,
        consumptionMilli: e.consumption,
        review: e.review,
      })
    }
    await enqueueOutboxMany(ctx, trx, superseded)
    await insertRecorded(ctx, trx, 'readings', inserts)
    await appendAudit(ctx, trx, {
      action: 'readings.accept',
      clerkId: clerk.id,
      objectType: 'account',
      objectId: input.accountId,
      details: {
        period,
        source: input.source,
        meters: evaluation.entries.map((e) => ({
          serial: e.meter.serial,
          values: e.valuesMilli,
          review: e.review,
        })),
      },
    })
    return rows
  })
  const { officeId } = ctx.settings.get()
  const office = officeId ? await findOffice(ctx.db, officeId) : undefined
  const slip = buildReadingSlip({
    organisation: { name: loaded.org.short_name, phone: loaded.org.phone },
    office: office ? { name: office.name, address: office.address } : null,
    clerkName: clerk.fullName,
    acceptedAt: now,
    timeZone: loaded.org.time_zone,
    accountNumber: loaded.account.number,
    address: formatFullAddress(loaded.account),
    period,
    meters: evaluation.entries.map((e) => ({
      serviceName: e.meter.service_name,
      unit: e.meter.unit,
      serial: e.entry.replacement?.serial ?? e.meter.serial,
      fractionDigits: e.entry.replacement?.fractionDigits ?? Number(e.meter.fraction_digits),
      zoneNames: ZONE_NAMES[e.meter.zones] ?? [],
      valuesMilli: e.valuesMilli,
      consumptionMilli: e.consumption,
    })),
  })
  const warnings = evaluation.issues.filter((i) => i.level === 'warning').map((i) => i.message)
  return { period, accepted, warnings, slip }
}

/** Every meter of the account with its readings, newest last, and the consumption between them. */
export async function readingsHistory(ctx: ServiceContext, accountId: string): Promise<MeterHistory[]> {
  await requireAccount(ctx, accountId)
  const meters = await metersOf(ctx.db, [accountId])
  const readings = await readingsOf(ctx.db, [accountId], '0000-00')
  return meters.map((m: MeterRecord) => {
    let previous: ReadingRecord | null = null
    const points = readings
      .filter((r) => r.meter_id === m.id)
      .map((r) => {
        let consumption: number | null = null
        if (r.status === 'active') {
          if (previous && r.kind !== 'start') {
            const each = readingConsumption(
              readingValues(previous, m.zones),
              readingValues(r, m.zones),
              m.digit_capacity,
              Boolean(r.rollover),
            )
            consumption = each.every((c) => c !== null) ? (each as number[]).reduce((a, b) => a + b, 0) : null
          }
          previous = r
        }
        return {
          readingId: r.id,
          period: r.period,
          takenOn: r.taken_on,
          source: r.source,
          valuesMilli: readingValues(r, m.zones),
          consumptionMilli: consumption,
          status: r.status,
          review: Boolean(r.review),
          billable: Boolean(r.billable),
        }
      })
    return {
      meterId: m.id,
      serviceName: m.service_name,
      unit: m.unit,
      serial: m.serial,
      zones: Number(m.zones),
      fractionDigits: Number(m.fraction_digits),
      status: m.status,
      points,
    }
  })
}
