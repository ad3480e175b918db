// The contract of sessions: signing in and out, the lock screen: channel → input schema, output
// type, access. Joined with the other capabilities' in ../contract.ts.
import type { SessionInfo } from '../../domain/clerk'
import { z } from 'zod'
import { channel, empty } from '../channel-spec'

export const sessionsContract = {
  'sessions:current': channel<typeof empty, SessionInfo | null>('public', empty),
  'sessions:signIn': channel<z.ZodType<{ login: string; password: string }>, SessionInfo>(
    'public',
    z
      .object({
        login: z.string().trim().min(1, 'Введите логин').max(64, 'Логин не длиннее 64 символов'),
        password: z.string().min(1, 'Введите пароль').max(256, 'Пароль не длиннее 256 символов'),
      })
      .strict(),
  ),
  'sessions:signOut': channel<typeof empty, null>('session', empty),
  'sessions:lock': channel<typeof empty, SessionInfo>('session', empty),
  'sessions:unlock': channel<z.ZodType<{ password: string }>, SessionInfo>(
    'session',
    z.object({ password: z.string().min(1, 'Введите пароль').max(256) }).strict(),
  ),
  'sessions:touch': channel<typeof empty, null>('clerk', empty),
} as const
