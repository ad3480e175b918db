// Submitting a password one check at a time: a password retyped while a wrong one is being checked
// is kept and, when Enter was pressed again meanwhile, checked next; only a refused one is cleared.
import { describe, expect, it } from 'vitest'
import { ref } from 'vue'
import { usePasswordSubmit } from '../../../../src/renderer/src/composables/usePasswordSubmit'

/** A check that answers only when told to, recording what it was asked. */
function heldCheck(right: string) {
  const asked: string[] = []
  const pending: Array<() => void> = []
  const check = (password: string): Promise<void> => {
    asked.push(password)
    return new Promise((resolve, reject) =>
      pending.push(() => (password === right ? resolve() : reject(new Error('Неверный логин или пароль')))),
    )
  }
  const answer = async (): Promise<void> => {
    pending.shift()?.()
    await new Promise((r) => setTimeout(r, 0))
  }
  return { asked, check, answer }
}

describe('usePasswordSubmit', () => {
  it('clears a refused password the clerk has not touched, and shows why', async () => {
    const password = ref('wrong')
    const held = heldCheck('right')
    const s = usePasswordSubmit(password, held.check, (err) => (err as Error).message)
    const done = s.submit()
    expect(s.busy.value).toBe(true)
    await held.answer()
    await done
    expect(password.value).toBe('')
    expect(s.error.value).toBe('Неверный логин или пароль')
    expect(s.busy.value).toBe(false)
  })

  it('keeps a password retyped during the check, and checks it next when Enter was pressed again', async () => {
    const password = ref('wrong')
    const held = heldCheck('right')
    const s = usePasswordSubmit(password, held.check, (err) => (err as Error).message)
    const done = s.submit()
    password.value = 'right'
    void s.submit()
    await held.answer()
    expect(password.value).toBe('right')
    await held.answer()
    await done
    expect(held.asked).toEqual(['wrong', 'right'])
    expect(s.error.value).toBeNull()
  })

  it('keeps a retyped password without checking it when Enter was not pressed again', async () => {
    const password = ref('wrong')
    const held = heldCheck('right')
    const s = usePasswordSubmit(password, held.check, (err) => (err as Error).message)
    const done = s.submit()
    password.value = 'rig'
    await held.answer()
    await done
    expect(held.asked).toEqual(['wrong'])
    expect(password.value).toBe('rig')
  })

  it('checks nothing more after a password that was accepted', async () => {
    const password = ref('right')
    const held = heldCheck('right')
    const s = usePasswordSubmit(password, held.check, (err) => (err as Error).message)
    const done = s.submit()
    void s.submit()
    await held.answer()
    await done
    expect(held.asked).toEqual(['right'])
  })
})
