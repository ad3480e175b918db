// The demo sign-ins (printed in the README and used by the end-to-end tests).
import type { ClerkRole } from '../../shared/domain/clerk'

export const DEMO_CLERKS: Array<{ login: string; password: string; fullName: string; role: ClerkRole }> = [
  { login: 'operator', password: 'operator123', fullName: 'Иванова Мария Сергеевна', role: 'operator' },
  {
    login: 'supervisor',
    password: 'supervisor123',
    fullName: 'Петренко Ольга Викторовна',
    role: 'supervisor',
  },
  { login: 'admin', password: 'admin123', fullName: 'Соколов Андрей Николаевич', role: 'administrator' },
]
