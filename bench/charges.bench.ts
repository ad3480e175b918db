// npm run bench:charges -- [--accounts N] [--history-months M]
// The monthly charge run (runCharges) over every open account of the bench database, for the
// last month of its history (readings exist for it), twice: the first run computes and writes
// everything, the second must find nothing to change. Target: 1,000,000 accounts in under five
// minutes on two cores.
import { openDb } from '../src/main/db/connection'
import { runCharges } from '../src/main/services/billing/charge-run'
import type { ChargeRunResult } from '../src/shared/domain/billing'
import { benchArgs } from './lib/args'
import { BenchClock, benchContext } from './lib/context'
import { benchPeriods, ensureBenchDatabase } from './lib/database'
import { fmt, rss } from './lib/report'

const TARGET_SECONDS_PER_MILLION = 300

const args = benchArgs()

async function main(): Promise<void> {
  const dbPath = await ensureBenchDatabase(args)
  const db = openDb({ client: 'sqlite', filename: dbPath })
  try {
    const { charged, current } = await benchPeriods(db)
    // Mid-window of the as-of month: the period charged has passed, whatever today's date is.
    const clock = new BenchClock(Date.parse(`${current}-20T07:00:00.000Z`))
    const ctx = benchContext(db, clock)

    // A run over a period already charged changes nothing and is quicker: start from none, so
    // the first run is a real one on every bench run.
    let started = performance.now()
    const removed = await db.knex.transaction(async (trx) => {
      await trx('charge_lines')
        .whereIn('charge_id', trx('charges').where({ period: charged }).select('id'))
        .delete()
      return Number(await trx('charges').where({ period: charged }).delete())
    })
    if (removed > 0) {
      console.log(
        `Удалены начисления прошлых прогонов за ${charged}: ${fmt(removed)} (${fmt((performance.now() - started) / 1000, 1)} с)`,
      )
    }

    console.log(`\nРасчёт начислений (runCharges) за ${charged}, часы: ${clock.now().toISOString()}`)
    const runs: ChargeRunResult[] = []
    const seconds: number[] = []
    for (const n of [1, 2]) {
      let shown = 0
      started = performance.now()
      const result = await runCharges(ctx, charged, null, (done, total) => {
        // A line per tenth of the way on the first run: a million accounts take minutes.
        if (n === 1 && done >= shown + total / 10) {
          shown = done
          const s = (performance.now() - started) / 1000
          console.log(`  … ${fmt(done)} из ${fmt(total)} за ${fmt(s, 1)} с (${fmt(done / s)} счетов/с)`)
        }
      })
      const s = (performance.now() - started) / 1000
      runs.push(result)
      seconds.push(s)
      console.log(
        `${n}-й прогон: ${fmt(s, 1)} с, ${fmt(result.accounts)} счетов, ${fmt(result.accounts / s)} счетов/с, ` +
          `изменено ${fmt(result.changed)}, начислено ${fmt(result.totalKopecks / 100, 2)} ₽`,
      )
    }
    const [first, second] = runs as [ChargeRunResult, ChargeRunResult]
    const perMillion = ((seconds[0] as number) * 1_000_000) / first.accounts
    const within = perMillion < TARGET_SECONDS_PER_MILLION
    console.log(
      `\nНорма: 1 000 000 счетов < ${TARGET_SECONDS_PER_MILLION} с на 2 ядрах; ` +
        (first.accounts >= 1_000_000 ? '' : `в пересчёте на 1 000 000 счетов ${fmt(perMillion)} с; `) +
        (within ? 'в норме' : 'ВЫШЕ НОРМЫ'),
    )
    const idempotent = second.changed === 0 && second.totalKopecks === first.totalKopecks
    console.log(
      idempotent
        ? 'Повторный прогон ничего не изменил.'
        : `ПОВТОРНЫЙ ПРОГОН ИЗМЕНИЛ НАЧИСЛЕНИЯ: ${fmt(second.changed)} (сумма ${fmt(first.totalKopecks / 100, 2)} → ${fmt(second.totalKopecks / 100, 2)} ₽)`,
    )
    console.log(`Память процесса (RSS) после прогонов: ${rss()}`)
    if (!idempotent) process.exitCode = 1
  } finally {
    await db.close()
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
