// The cabinet of the account on screen, and the credentials just issued (kept only until the
// slip dialog closes: the one-time password lives nowhere else).
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { CabinetIssued, CabinetState, PassportView } from '../../../shared/domain/cabinet'
import type { ChannelInput } from '../../../shared/ipc/contract'
import { call, errorMessage } from '../api/client'

export const useCabinetStore = defineStore('cabinet', () => {
  const state = ref<CabinetState | null>(null)
  const error = ref<string | null>(null)
  const issued = shallowRef<CabinetIssued | null>(null)

  async function load(accountId: string): Promise<void> {
    error.value = null
    try {
      state.value = await call('cabinets:state', { accountId })
    } catch (err) {
      state.value = null
      error.value = errorMessage(err)
    }
  }

  function took(result: CabinetIssued): void {
    issued.value = result
    state.value = result.state
  }

  async function register(input: ChannelInput<'cabinets:register'>): Promise<void> {
    took(await call('cabinets:register', input))
  }
  async function reset(input: ChannelInput<'cabinets:reset'>): Promise<void> {
    took(await call('cabinets:reset', input))
  }
  async function attach(input: ChannelInput<'cabinets:attach'>): Promise<void> {
    state.value = await call('cabinets:attach', input)
  }
  async function unblock(input: ChannelInput<'cabinets:unblockReset'>): Promise<void> {
    state.value = await call('cabinets:unblockReset', input)
  }
  function forgetIssued(): void {
    issued.value = null
  }
  /** A person's passport unmasked: main writes the look to the audit log. */
  function revealPassport(personId: string): Promise<PassportView> {
    return call('cabinets:revealPassport', { personId })
  }

  return { state, error, issued, load, register, reset, attach, unblock, forgetIssued, revealPassport }
})
