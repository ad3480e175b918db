// Clerks and their roles: who may do what at the counter.
export const CLERK_ROLES = ['operator', 'supervisor', 'administrator'] as const
export type ClerkRole = (typeof CLERK_ROLES)[number]

export const ROLE_TITLES: Record<ClerkRole, string> = {
  operator: 'Операционист',
  supervisor: 'Старший операционист',
  administrator: 'Администратор',
}

export interface ClerkInfo {
  id: string
  login: string
  fullName: string
  role: ClerkRole
}

export interface SessionInfo {
  clerk: ClerkInfo
  locked: boolean
}

/** Whether a clerk of `role` may do what `needed` requires (roles are ordered by authority). */
export function roleAtLeast(role: ClerkRole, needed: ClerkRole): boolean {
  return CLERK_ROLES.indexOf(role) >= CLERK_ROLES.indexOf(needed)
}
