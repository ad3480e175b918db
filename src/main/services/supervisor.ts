// A supervisor's confirmation at the counter: the signed-in clerk, when senior enough, or a
// supervisor who types their own login and password into the form (checked, audited, and subject
// to the same lockout as a sign-in).
import { roleAtLeast, type ClerkInfo } from '../../shared/domain/clerk'
import { OknoError } from '../../shared/ipc/envelope'
import { authenticate } from './clerks'
import type { ServiceContext } from './context'

export interface SupervisorCredentials {
  login: string
  password: string
}

export async function confirmBySupervisor(
  ctx: ServiceContext,
  clerk: ClerkInfo,
  credentials: SupervisorCredentials | undefined,
): Promise<ClerkInfo> {
  if (roleAtLeast(clerk.role, 'supervisor')) return clerk
  if (!credentials) {
    throw new OknoError(
      'FORBIDDEN',
      'Нужно подтверждение старшего операциониста: пусть он введёт свой логин и пароль в форму.',
      { supervisor: 'Нужен логин и пароль старшего операциониста' },
    )
  }
  const supervisor = await authenticate(ctx, credentials.login, credentials.password)
  if (!roleAtLeast(supervisor.role, 'supervisor')) {
    throw new OknoError('FORBIDDEN', 'Подтвердить может только старший операционист или администратор.', {
      supervisor: 'Этот сотрудник не старший операционист',
    })
  }
  return supervisor
}
