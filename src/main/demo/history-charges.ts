// The demo history's charges: each past month of an account computed by the same engine the
// charge run uses (src/shared/billing/charges.ts) from the readings the history wrote, so the
// stored charges are the ones a run would give and the payments follow real bills.
import {
  computeAccountCharges,
  type BillingMeter,
  type BillingReading,
  type NormRate,
  type PriorLine,
  type TariffRate,
} from '../../shared/billing/charges'
import { billedServiceCodes } from '../../shared/billing/services'
import type { DemoIds } from './ids'
import type { PushRow } from './tables'
import { SERVICE_COUNT, SERVICE_INDEX, type DemoServiceCode } from './tariffs'

export interface ChargedAccount {
  id: string
  registered: number
  owners: number
  areaCenti: number
  inBlock: boolean
  meters: BillingMeter[]
  /** Billable readings of the history, any order. */
  readings: BillingReading[]
}

const byServiceOrder = (a: string, b: string): number =>
  SERVICE_INDEX[a as DemoServiceCode] - SERVICE_INDEX[b as DemoServiceCode]

export class HistoryCharges {
  constructor(
    private readonly ids: DemoIds,
    /** The history's periods, oldest first. */
    private readonly periods: readonly string[],
    /** One charge run per period, its id and when it ran. */
    private readonly runs: ReadonlyArray<{ id: string; at: string }>,
    private readonly serviceIds: readonly string[],
    private readonly tariffs: TariffRate[],
    private readonly norms: NormRate[],
  ) {}

  /**
   * Charges periods `from`…last of the history and pushes the charges and their lines of those
   * from `storedFrom` on; `bill` gets the amount per [period × SERVICE_COUNT + service] (zero
   * where nothing was charged).
   */
  account(a: ChargedAccount, from: number, storedFrom: number, bill: Float64Array, push: PushRow): void {
    bill.fill(0)
    const serviceCodes = [
      ...billedServiceCodes(
        a.meters.map((m) => m.serviceCode),
        a.inBlock,
      ),
    ].sort(byServiceOrder)
    const prior: PriorLine[] = []
    for (let i = Math.max(0, from); i < this.periods.length; i++) {
      const period = this.periods[i] as string
      const run = this.runs[i] as { id: string; at: string }
      const charges = computeAccountCharges({
        period,
        serviceCodes,
        registered: a.registered,
        owners: a.owners,
        areaCentiSqm: a.areaCenti,
        meters: a.meters,
        readings: a.readings.filter((r) => r.period <= period),
        priorLines: prior,
        tariffs: this.tariffs,
        norms: this.norms,
      })
      for (const charge of charges) {
        const s = SERVICE_INDEX[charge.serviceCode as DemoServiceCode]
        bill[i * SERVICE_COUNT + s] = charge.amountKopecks
        for (const l of charge.lines) {
          prior.push({
            period,
            serviceCode: l.serviceCode,
            meterId: l.meterId,
            zone: l.zone,
            kind: l.kind,
            volumeMilli: l.volumeMilli,
            amountKopecks: l.amountKopecks,
          })
        }
        if (i < storedFrom) continue
        const serviceId = this.serviceIds[s] as string
        const chargeId = this.ids.next()
        push('charges', [
          chargeId,
          a.id,
          serviceId,
          period,
          charge.basis,
          charge.amountKopecks,
          run.id,
          run.at,
        ])
        for (const l of charge.lines) {
          push('charge_lines', [
            this.ids.next(),
            chargeId,
            a.id,
            serviceId,
            period,
            l.meterId,
            l.zone,
            l.kind,
            l.volumeMilli,
            l.priceKopecks,
            l.amountKopecks,
            l.refPeriods.join(','),
          ])
        }
      }
    }
  }
}
