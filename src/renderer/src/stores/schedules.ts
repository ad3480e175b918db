// The reception's settings (administrator): each office's weekly plan and closed days, the
// production calendar of a year, and the topics customers book for.
import { defineStore } from 'pinia'
import type { AppointmentTopic } from '../../../shared/domain/appointment'
import type { CalendarYear, OfficeSchedule } from '../../../shared/domain/appointment-admin'
import type { ChannelInput } from '../../../shared/ipc/contract'
import { call } from '../api/client'

export const useSchedulesStore = defineStore('schedules', () => {
  function get(officeId: string): Promise<OfficeSchedule> {
    return call('schedules:get', { officeId })
  }

  function save(input: ChannelInput<'schedules:save'>): Promise<OfficeSchedule> {
    return call('schedules:save', input)
  }

  function saveClosure(input: ChannelInput<'schedules:saveClosure'>): Promise<OfficeSchedule> {
    return call('schedules:saveClosure', input)
  }

  function calendar(year: number): Promise<CalendarYear> {
    return call('schedules:calendar', { year })
  }

  function saveCalendar(input: ChannelInput<'schedules:saveCalendar'>): Promise<CalendarYear> {
    return call('schedules:saveCalendar', input)
  }

  function importCalendar(year: number, text: string): Promise<CalendarYear> {
    return call('schedules:importCalendar', { year, text })
  }

  function topics(): Promise<AppointmentTopic[]> {
    return call('schedules:topics', {})
  }

  function saveTopic(input: ChannelInput<'schedules:saveTopic'>): Promise<AppointmentTopic[]> {
    return call('schedules:saveTopic', input)
  }

  return { get, save, saveClosure, calendar, saveCalendar, importCalendar, topics, saveTopic }
})
