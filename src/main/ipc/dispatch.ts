// The transport-independent half of every IPC call: parse the input with the channel's zod
// schema, check the caller's session and role, run the handler, and wrap the outcome in the
// result envelope. Electron's ipcMain and browser mode's HTTP bridge both end here.
import { randomBytes } from 'node:crypto'
import { ROLE_TITLES, roleAtLeast, type ClerkRole } from '../../shared/domain/clerk'
import { isChannel, type Channel } from '../../shared/ipc/channels'
import { contract, type Access } from '../../shared/ipc/contract'
import { OknoError, type Envelope } from '../../shared/ipc/envelope'
import { loggableError } from '../db/errors'
import { enforceIdleLock } from '../services/clerks/sessions'
import { handlers, type CallContext } from './handlers'
import { validationError } from './validation-envelope'

async function checkAccess(access: Access, call: CallContext): Promise<void> {
  if (access === 'public') return
  const { session } = call
  if (!session.clerk) throw new OknoError('UNAUTHENTICATED', 'Сеанс завершён. Войдите в систему заново.')
  if (session.generation !== undefined && session.generation !== call.sync.generation()) {
    session.clerk = null
    session.locked = false
    throw new OknoError(
      'UNAUTHENTICATED',
      'Данные отделения загружены с сервера: войдите под своей учётной записью отделения.',
    )
  }
  if (access === 'session') return
  if (await enforceIdleLock(call.ctx, session)) {
    throw new OknoError('SCREEN_LOCKED', 'Экран заблокирован. Введите свой пароль, чтобы продолжить.')
  }
  const needed: ClerkRole | null =
    access === 'supervisor' ? 'supervisor' : access === 'administrator' ? 'administrator' : null
  if (needed && !roleAtLeast(session.clerk.role, needed)) {
    throw new OknoError(
      'FORBIDDEN',
      `Недостаточно прав: действие доступно роли «${ROLE_TITLES[needed]}». Обратитесь к ней.`,
    )
  }
  session.lastActivityMs = call.ctx.clock.now().getTime()
}

function internalError(channel: string, err: unknown): Envelope<never> {
  const code = (err as { code?: unknown }).code
  if (code === 'SQLITE_BUSY') {
    return {
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'База данных занята другой операцией. Повторите через несколько секунд.',
      },
    }
  }
  const ref = randomBytes(3).toString('hex').toUpperCase()
  console.error(`[okno] ${channel} failed (ref ${ref}): ${loggableError(err)}`)
  return {
    ok: false,
    error: {
      code: 'INTERNAL',
      message: `Внутренняя ошибка (код ${ref}). Повторите действие; если ошибка повторится, сообщите администратору этот код.`,
    },
  }
}

export async function dispatch(
  channel: unknown,
  input: unknown,
  call: CallContext,
): Promise<Envelope<unknown>> {
  if (!isChannel(channel)) {
    return {
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', message: 'Неизвестная операция. Обновите приложение.' },
    }
  }
  const spec = contract[channel]
  const parsed = spec.input.safeParse(input)
  if (!parsed.success) {
    return validationError(parsed.error)
  }
  try {
    await checkAccess(spec.access, call)
    const handler = handlers[channel] as (input: unknown, call: CallContext) => unknown
    // The changes this call leaves for the office server carry its clerk (DESIGN.md «office server»),
    // and go to the server as soon as the call is done — only when it recorded some: a search
    // typed letter by letter must not send the sync worker out, nor cut its backoff short.
    let recorded = false
    const acting: CallContext = {
      ...call,
      ctx: {
        ...call.ctx,
        actorId: call.session.clerk?.id ?? null,
        changesRecorded: () => void (recorded = true),
      },
    }
    const data = (await handler(parsed.data, acting)) ?? null
    if (channel === 'sessions:signIn') call.session.generation = call.sync.generation()
    if (recorded) call.sync.nudge()
    return { ok: true, data }
  } catch (err) {
    if (err instanceof OknoError) return { ok: false, error: err.toData() }
    return internalError(channel satisfies Channel, err)
  }
}
