// A senior clerk's confirmation at the counter: the signed-in clerk, when senior enough, or one
// who types their own login and password into the form (checked, audited, and subject to the
// same lockout as a sign-in). Most decisions need a supervisor; a few an administrator.
import { roleAtLeast, type ClerkInfo } from '../../../shared/domain/clerk'
import { OknoError } from '../../../shared/ipc/envelope'
import { authenticate } from './sign-in'
import type { ServiceContext } from '../core/context'

export interface SupervisorCredentials {
  login: string
  password: string
}

const WHO = {
  supervisor: {
    ask: 'Нужно подтверждение старшего операциониста: пусть он введёт свой логин и пароль в форму.',
    field: 'Нужен логин и пароль старшего операциониста',
    only: 'Подтвердить может только старший операционист или администратор.',
    notThis: 'Этот сотрудник не старший операционист',
  },
  administrator: {
    ask: 'Нужно подтверждение администратора: пусть он введёт свой логин и пароль в форму.',
    field: 'Нужен логин и пароль администратора',
    only: 'Подтвердить может только администратор.',
    notThis: 'Этот сотрудник не администратор',
  },
} as const

/**
 * Who confirms: `clerk` when at least `needed`, else the clerk whose credentials were typed.
 * `why` opens the refusal when nobody senior enough confirmed.
 */
export async function confirmBySupervisor(
  ctx: ServiceContext,
  clerk: ClerkInfo,
  credentials: SupervisorCredentials | undefined,
  needed: 'supervisor' | 'administrator' = 'supervisor',
  why = '',
): Promise<ClerkInfo> {
  if (roleAtLeast(clerk.role, needed)) return clerk
  const who = WHO[needed]
  const prefix = why ? `${why} ` : ''
  if (!credentials) {
    throw new OknoError('FORBIDDEN', prefix + who.ask, { supervisor: who.field })
  }
  const confirmer = await authenticate(ctx, credentials.login, credentials.password)
  if (!roleAtLeast(confirmer.role, needed)) {
    throw new OknoError('FORBIDDEN', prefix + who.only, { supervisor: who.notThis })
  }
  return confirmer
}
