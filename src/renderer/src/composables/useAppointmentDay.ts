// What the appointment desk shows for an office and a day: the day's board, the times still open
// for booking on it (free slots of the shortest topic), and the load of the week around it.
// Loaded again when the office or day changes and after every change made at this desk.
import { computed, ref, shallowRef, watch, type Ref } from 'vue'
import type { AppointmentMeta, DayBoard, DayLoad } from '../../../shared/domain/appointment'
import { errorMessage } from '../api/client'
import { useAppointmentsStore } from '../stores/appointments'
import { mondayOf } from './appointmentText'

export function useAppointmentDay(
  meta: Ref<AppointmentMeta | null>,
  officeId: Ref<string | null>,
  date: Ref<string>,
) {
  const store = useAppointmentsStore()
  const board = shallowRef<DayBoard | null>(null)
  const bookable = shallowRef<ReadonlySet<string>>(new Set())
  const week = shallowRef<DayLoad[]>([])
  const loading = ref(false)
  const error = ref<string | null>(null)
  const shortest = computed(
    () => [...(meta.value?.topics ?? [])].sort((a, b) => a.durationMinutes - b.durationMinutes)[0] ?? null,
  )
  let asked = 0

  async function load(): Promise<void> {
    const office = officeId.value
    if (!office || !meta.value) return
    const mine = ++asked
    const day = date.value
    loading.value = true
    try {
      const open = day >= meta.value.today && shortest.value
      const [b, w, slots] = await Promise.all([
        store.day(office, day),
        store.week(office, mondayOf(day)),
        open ? store.slots({ officeId: office, topicId: shortest.value.id, from: day, to: day }) : [],
      ])
      if (mine !== asked) return
      board.value = b
      week.value = w
      bookable.value = new Set(slots.map((s) => s.time))
      error.value = null
    } catch (err) {
      if (mine === asked) error.value = errorMessage(err)
    } finally {
      if (mine === asked) loading.value = false
    }
  }

  watch([meta, officeId, date, () => store.version], load, { immediate: true })

  return { board, bookable, week, loading, error, load }
}
