// @vitest-environment happy-dom
// The keyboard pick of a day or a free time: focus selects the first option, also when the options
// arrive after the focus (the free times still loading), and Enter chooses only what is selected.
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import ChoiceList, {
  type Choice,
} from '../../../../../src/renderer/src/components/appointments/ChoiceList.vue'

const TIMES: Choice[] = ['09:45', '10:00'].map((t) => ({ value: t, text: t, label: `${t}, свободно` }))

function mountList(options: Choice[]) {
  const updates: Array<string | null> = []
  const wrapper = mount(ChoiceList, {
    attachTo: document.body,
    props: {
      title: 'Время',
      label: 'Свободное время',
      options,
      modelValue: null,
      'onUpdate:modelValue': (v: string | null) => {
        updates.push(v)
        void wrapper.setProps({ modelValue: v })
      },
    },
  })
  return { wrapper, updates, list: wrapper.get('[role="listbox"]') }
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('ChoiceList', () => {
  it('selects the first option when it takes focus', async () => {
    const { list, updates } = mountList(TIMES)
    ;(list.element as HTMLElement).focus()
    await nextTick()
    expect(updates).toEqual(['09:45'])
  })

  it('selects the first option that arrives while it has focus, and Enter then chooses it', async () => {
    const { wrapper, list, updates } = mountList([])
    ;(list.element as HTMLElement).focus()
    await nextTick()
    await list.trigger('keydown', { key: 'Enter' })
    expect(updates).toEqual([])
    expect(wrapper.emitted('choose')).toBeUndefined()

    await wrapper.setProps({ options: TIMES })
    await nextTick()
    expect(updates).toEqual(['09:45'])
    await list.trigger('keydown', { key: 'Enter' })
    expect(wrapper.emitted('choose')).toHaveLength(1)
  })

  it('leaves the selection alone when options arrive while focus is elsewhere', async () => {
    const { wrapper, updates } = mountList([])
    await wrapper.setProps({ options: TIMES })
    await nextTick()
    expect(updates).toEqual([])
  })
})
