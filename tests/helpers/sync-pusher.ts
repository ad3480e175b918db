// The child of the sync kill test (tests/integration/sync/faults/kill.test.ts), run as
//   node --import tsx tests/helpers/sync-pusher.ts <sqlite file> <server URL> <fingerprint> <batch size>
// with the desk's credential and a clerk's session token in the environment (OKNO_DESK_ID,
// OKNO_DESK_SECRET, OKNO_SESSION: never on the command line). It opens a desk's store and its
// link to the okno-server and pushes the outbox batch by batch, printing «SENT <n>» after each
// batch is on the server and marked sent here, and «DONE» when the outbox is empty. The parent
// kills it with SIGKILL somewhere in between.
import { openDb } from '../../src/main/db/connection'
import { openOfficeLink } from '../../src/main/sync/link/https-link'
import { pushBatch } from '../../src/main/sync/push'

function say(line: string): void {
  process.stdout.write(`${line}\n`)
}

async function main(): Promise<void> {
  const [filename, url, fingerprint, batch] = process.argv.slice(2)
  const { OKNO_DESK_ID: deskId, OKNO_DESK_SECRET: secret, OKNO_SESSION: session } = process.env
  if (!filename || !url || !fingerprint || !batch || !deskId || !secret || !session) {
    throw new Error('usage: sync-pusher.ts <sqlite file> <server URL> <fingerprint> <batch size> (+ env)')
  }
  const local = openDb({ client: 'sqlite', filename })
  const link = openOfficeLink({ url, fingerprint }, { deskId, secret })
  const clock = { now: () => new Date() }
  try {
    for (;;) {
      const r = await pushBatch(local, link, [session], clock, Number(batch))
      if (r.failed > 0) say(`FAILED ${r.failed}`)
      if (r.sent + r.failed === 0) break
      say(`SENT ${r.sent}`)
    }
    say('DONE')
  } finally {
    await link.close()
    await local.close()
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exit(1)
})
