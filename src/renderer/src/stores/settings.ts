// The workstation's settings (office, counter, idle lock, printer, cash desk) as main keeps them,
// and the check of the audit log's chain that the settings screen offers.
import { defineStore } from 'pinia'
import type { AuditVerification, WorkstationSettingsView } from '../../../shared/domain/app'
import type { ChannelInput } from '../../../shared/ipc/contract'
import { call } from '../api/client'

export const useSettingsStore = defineStore('settings', () => {
  function get(): Promise<WorkstationSettingsView> {
    return call('settings:get', {})
  }

  function update(input: ChannelInput<'settings:update'>): Promise<WorkstationSettingsView> {
    return call('settings:update', input)
  }

  function verifyAudit(): Promise<AuditVerification> {
    return call('audit:verify', {})
  }

  return { get, update, verifyAudit }
})
