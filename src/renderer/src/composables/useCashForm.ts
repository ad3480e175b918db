// The state of a cash-desk form dialog: the per-field errors and the shared submit cycle (one
// request at a time, focus on the first field to fix, the supervisor's password never kept),
// and whether the signed-in clerk is a supervisor (or else one confirms at this counter).
import { computed, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { roleAtLeast } from '../../../shared/domain/clerk'
import { useSessionStore } from '../stores/session'
import { useDialogSubmit } from './useDialogSubmit'

export function useCashForm(open: Ref<boolean>) {
  const { t } = useI18n()
  const session = useSessionStore()
  const errors = ref<Record<string, string>>({})
  const isSupervisor = computed(() => session.clerk !== null && roleAtLeast(session.clerk.role, 'supervisor'))
  return { errors, isSupervisor, ...useDialogSubmit({ open, errors, fixFieldsMessage: t('cash.fixFields') }) }
}

export type CashForm = ReturnType<typeof useCashForm>
