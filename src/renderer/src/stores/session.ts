// The clerk's session: signed in or not, screen locked or not. Mirrors the session kept in the
// main process; session errors from any call (signed out elsewhere, idle lock) update it.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { SessionInfo } from '../../../shared/domain/clerk'
import { call, onSessionError } from '../api/client'

export const useSessionStore = defineStore('session', () => {
  const session = ref<SessionInfo | null>(null)
  const clerk = computed(() => session.value?.clerk ?? null)
  const locked = computed(() => session.value?.locked ?? false)

  /** Why main ended the session (e.g. the office's data replaced the desk's), for the sign-in screen. */
  const endedReason = ref<string | null>(null)

  onSessionError((code, message) => {
    if (code === 'UNAUTHENTICATED') {
      if (session.value) endedReason.value = message
      session.value = null
    } else if (session.value) session.value = { ...session.value, locked: true }
  })

  async function restore(): Promise<void> {
    session.value = await call('sessions:current', {})
  }
  async function signIn(login: string, password: string): Promise<void> {
    session.value = await call('sessions:signIn', { login, password })
    endedReason.value = null
  }
  async function signOut(): Promise<void> {
    await call('sessions:signOut', {})
    session.value = null
  }
  async function lock(): Promise<void> {
    if (session.value && !session.value.locked) session.value = await call('sessions:lock', {})
  }
  async function unlock(password: string): Promise<void> {
    session.value = await call('sessions:unlock', { password })
  }
  /** Tells main the clerk is at the desk, so its own idle backstop does not lock the session. */
  async function touch(): Promise<void> {
    await call('sessions:touch', {})
  }

  return { session, clerk, locked, endedReason, restore, signIn, signOut, lock, unlock, touch }
})
