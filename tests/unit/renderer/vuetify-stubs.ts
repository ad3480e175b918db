/* eslint-disable vue/one-component-per-file -- stand-ins of a few lines each, used together */
// Vuetify's form controls reduced to their HTML for renderer component tests (vitest does not load
// Vuetify's CSS imports): a text field is a labelled input carrying the field's attributes
// (aria-invalid) and its messages; a button, a form, an alert their plain elements.
import { defineComponent, h } from 'vue'

let fieldIds = 0
const VTextField = defineComponent({
  inheritAttrs: false,
  props: {
    label: { type: String, default: '' },
    hint: { type: String, default: '' },
    modelValue: { type: String, default: '' },
    errorMessages: { type: Array, default: () => [] },
  },
  emits: ['update:modelValue'],
  setup(props, { attrs, emit }) {
    const id = `field-${++fieldIds}`
    return () =>
      h('div', [
        h('label', { for: id }, props.label),
        h('input', {
          ...attrs,
          id,
          value: props.modelValue,
          onInput: (e: Event) => emit('update:modelValue', (e.target as HTMLInputElement).value),
        }),
        ...(props.errorMessages as string[]).map((m) => h('div', { class: 'error' }, m)),
      ])
  },
})
const VBtn = defineComponent({
  props: { type: { type: String, default: 'button' }, loading: Boolean },
  setup(props, { slots }) {
    return () => h('button', { type: props.type }, slots.default?.())
  },
})
const VForm = defineComponent({
  emits: ['submit'],
  setup(_, { slots, emit }) {
    return () => h('form', { onSubmit: (e: Event) => emit('submit', e) }, slots.default?.())
  },
})
const VAlert = defineComponent({
  setup(_, { slots }) {
    return () => h('div', slots.default?.())
  },
})
export const VUETIFY_STUBS = { VTextField, VBtn, VForm, VAlert }
