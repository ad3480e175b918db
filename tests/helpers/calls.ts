// IPC calls as the dispatcher receives them: a context and the window's session.
import type { CallContext } from '../../src/main/ipc/handlers'
import { NullPrinter } from '../../src/main/printing/printer'
import { createSyncService } from '../../src/main/sync/service'
import { newSession, signIn } from '../../src/main/services/clerks/sessions'
import type { ClerkRole } from '../../src/shared/domain/clerk'
import { addClerk, type TestClerk } from './clerks'
import type { TestEnv } from './database'

export function anonymousCall(env: TestEnv): CallContext {
  return {
    ctx: env.ctx,
    session: newSession(),
    shell: 'web',
    version: 'test',
    printer: new NullPrinter(),
    sync: createSyncService({ ctx: env.ctx, sealer: null }),
  }
}

/** A call from a window where a new clerk of `role` has just signed in. */
export async function signedInCall(
  env: TestEnv,
  role: ClerkRole = 'operator',
): Promise<CallContext & { clerk: TestClerk }> {
  const clerk = await addClerk(env.db, role)
  const call = anonymousCall(env)
  await signIn(env.ctx, call.session, clerk.login, clerk.password)
  return { ...call, clerk }
}
