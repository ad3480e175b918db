// The child of the sync kill test (tests/integration/sync/faults/kill.test.ts), run as
//   node --import tsx tests/helpers/sync-pusher.ts <sqlite file> <server URL> <origin> <batch size>
// It opens a desk's store and the office server and pushes the outbox batch by batch, printing
// «SENT <n>» after each batch is on the server and marked sent here, and «DONE» when the outbox
// is empty. The parent kills it with SIGKILL somewhere in between.
import { openDb } from '../../src/main/db/connection'
import { pushBatch } from '../../src/main/sync/push'
import { openServer } from '../../src/main/sync/server'

function say(line: string): void {
  process.stdout.write(`${line}\n`)
}

async function main(): Promise<void> {
  const [filename, url, origin, batch] = process.argv.slice(2)
  if (!filename || !url || !origin || !batch) {
    throw new Error('usage: sync-pusher.ts <sqlite file> <server URL> <origin> <batch size>')
  }
  const local = openDb({ client: 'sqlite', filename })
  const server = openServer(url, { connectTimeoutMs: 5_000 })
  const clock = { now: () => new Date() }
  try {
    for (;;) {
      const r = await pushBatch(local, server, origin, clock, Number(batch))
      if (r.failed > 0) say(`FAILED ${r.failed}`)
      if (r.sent + r.failed === 0) break
      say(`SENT ${r.sent}`)
    }
    say('DONE')
  } finally {
    await server.close()
    await local.close()
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exit(1)
})
