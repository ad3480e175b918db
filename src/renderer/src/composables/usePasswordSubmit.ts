// Submitting a password (sign-in, unlock) one check at a time without losing what the clerk does
// meanwhile: a password retyped while a wrong one is still being checked is kept — only the
// password that was refused is cleared — and an Enter pressed meanwhile checks it next.
import { ref, type Ref } from 'vue'

/** `messageOf` words a refusal for the clerk (the api client's errorMessage). */
export function usePasswordSubmit(
  password: Ref<string>,
  check: (password: string) => Promise<void>,
  messageOf: (err: unknown) => string,
) {
  const busy = ref(false)
  const error = ref<string | null>(null)
  let again = false

  async function submit(): Promise<void> {
    if (busy.value) {
      again = true
      return
    }
    busy.value = true
    error.value = null
    const sent = password.value
    let refused = false
    try {
      await check(sent)
    } catch (err) {
      refused = true
      error.value = messageOf(err)
      if (password.value === sent) password.value = ''
    } finally {
      busy.value = false
    }
    const retry = again && refused && password.value !== ''
    again = false
    if (retry) await submit()
  }

  return { busy, error, submit }
}
