// A first download from the office server replaces the desk's clerks: a session signed in before
// it ends at its next call, with a message saying why, and signing in again works.
import { expect, it } from 'vitest'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { anonymousCall } from '../../helpers/calls'
import { addClerk } from '../../helpers/clerks'
import { describeEachDatabase } from '../../helpers/database'

describeEachDatabase('a session and the data generation', (getCtx) => {
  it('ends when the desk’s data was replaced after sign-in', async () => {
    const env = getCtx()
    const clerk = await addClerk(env.db, 'operator')
    let generation = 0
    const call = anonymousCall(env)
    call.sync = { ...call.sync, generation: () => generation }
    const signIn = (): Promise<unknown> =>
      dispatch('sessions:signIn', { login: clerk.login, password: clerk.password }, call)

    expect(await signIn()).toMatchObject({ ok: true })
    expect(await dispatch('settings:get', {}, call)).toMatchObject({ ok: true })

    generation = 1
    expect(await dispatch('settings:get', {}, call)).toEqual({
      ok: false,
      error: {
        code: 'UNAUTHENTICATED',
        message: 'Данные отделения загружены с сервера: войдите под своей учётной записью отделения.',
      },
    })
    expect(call.session.clerk).toBeNull()
    expect(await dispatch('sessions:current', {}, call)).toEqual({ ok: true, data: null })

    expect(await signIn()).toMatchObject({ ok: true })
    expect(await dispatch('settings:get', {}, call)).toMatchObject({ ok: true })
  })
})
