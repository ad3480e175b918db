// The submit cycle shared by the cabinet dialogs: one request at a time, the server's message and
// per-field errors shown in the form, focus on the first invalid field, the supervisor's password
// never kept after the attempt.
import { ref, type Ref } from 'vue'
import { errorFields, errorMessage } from '../api/client'
import { focusFirstInvalid } from './usePassportForm'

export function useDialogSubmit(options: {
  open: Ref<boolean>
  errors: Ref<Record<string, string>>
  fixFieldsMessage: string
}) {
  const busy = ref(false)
  const message = ref<string | null>(null)
  const dialog = ref<{ element(): HTMLElement | null } | null>(null)
  const supervisorLogin = ref('')
  const supervisorPassword = ref('')

  /** The supervisor's credentials for the request, when the form asks for them. */
  function supervisor(needed: boolean): { supervisor?: { login: string; password: string } } {
    return needed ? { supervisor: { login: supervisorLogin.value, password: supervisorPassword.value } } : {}
  }

  /** The form's own checks failed: say so and go to the first field to fix. */
  function invalid(): Promise<void> {
    message.value = options.fixFieldsMessage
    return focusFirstInvalid(dialog.value?.element())
  }

  async function send(action: () => Promise<void>, afterError?: () => Promise<void>): Promise<void> {
    busy.value = true
    try {
      await action()
      options.open.value = false
    } catch (err) {
      message.value = errorMessage(err)
      options.errors.value = errorFields(err)
      await afterError?.()
      await focusFirstInvalid(dialog.value?.element())
    } finally {
      busy.value = false
      supervisorPassword.value = ''
    }
  }

  /** Starts a submit unless one is running; clears the last message. */
  function begin(): boolean {
    if (busy.value) return false
    message.value = null
    return true
  }

  return { busy, message, dialog, supervisorLogin, supervisorPassword, supervisor, invalid, send, begin }
}
