// Free times of an office for a topic, from today to the end of the booking horizon, grouped by
// day for the booking form's two lists. Loaded again whenever the office or topic changes, and on
// demand (after «время уже занято»).
import { computed, ref, shallowRef, watch, type Ref } from 'vue'
import { addDays } from '../../../shared/dates'
import type { AppointmentMeta, FreeSlot } from '../../../shared/domain/appointment'
import { errorMessage } from '../api/client'
import { useAppointmentsStore } from '../stores/appointments'

export function useFreeSlots(
  meta: AppointmentMeta,
  officeId: Ref<string | null>,
  topicId: Ref<string | null>,
) {
  const store = useAppointmentsStore()
  const slots = shallowRef<FreeSlot[]>([])
  const loading = ref(false)
  const error = ref<string | null>(null)
  let asked = 0

  const days = computed(() => {
    const byDay = new Map<string, FreeSlot[]>()
    for (const s of slots.value) byDay.set(s.date, [...(byDay.get(s.date) ?? []), s])
    return byDay
  })

  async function reload(): Promise<void> {
    const office = officeId.value
    const topic = topicId.value
    if (!office || !topic) return
    const mine = ++asked
    loading.value = true
    try {
      const found = await store.slots({
        officeId: office,
        topicId: topic,
        from: meta.today,
        to: addDays(meta.today, meta.rules.horizonDays),
      })
      if (mine !== asked) return
      slots.value = found
      error.value = null
    } catch (err) {
      if (mine === asked) error.value = errorMessage(err)
    } finally {
      if (mine === asked) loading.value = false
    }
  }

  watch([officeId, topicId], reload, { immediate: true })

  return { slots, days, loading, error, reload }
}
