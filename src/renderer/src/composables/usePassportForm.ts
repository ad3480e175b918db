// The passport form's state and checks: the same shared rules main applies (checkPassport,
// checkPersonName), run before sending so the clerk sees every problem at its field at once.
import { computed, nextTick, reactive, ref } from 'vue'
import { checkPassport, type PassportFields } from '../../../shared/passport'
import { checkPersonName, type PersonName } from '../../../shared/person-name'
import { formatRuDate, parseRuDate } from '../../../shared/ru-date'

export interface PassportFormFields {
  surname: string
  firstName: string
  patronymic: string
  birthDate: string
  seriesNumber: string
  issuedOn: string
  issuedBy: string
  departmentCode: string
}

export function usePassportForm(today: () => string, badDate: string) {
  const fields = reactive<PassportFormFields>({
    surname: '',
    firstName: '',
    patronymic: '',
    birthDate: '',
    seriesNumber: '',
    issuedOn: '',
    issuedBy: '',
    departmentCode: '',
  })
  const errors = ref<Record<string, string>>({})
  const warnings = ref<string[]>([])

  /** Fills the holder's name and birth date from a person on the account. */
  function prefill(person: {
    surname: string
    firstName: string
    patronymic: string | null
    birthDate: string | null
  }): void {
    fields.surname = person.surname
    fields.firstName = person.firstName
    fields.patronymic = person.patronymic ?? ''
    fields.birthDate = person.birthDate ? formatRuDate(person.birthDate) : ''
  }

  /** The checked passport and holder, or null with the errors shown at their fields. */
  function validate(): { passport: PassportFields; holder: PersonName } | null {
    const birthDate = parseRuDate(fields.birthDate)
    const issuedOn = parseRuDate(fields.issuedOn)
    const name = checkPersonName(fields)
    // Unreadable dates still go through checkPassport, so every other field is judged too.
    const passport: PassportFields = {
      seriesNumber: fields.seriesNumber,
      issuedOn: issuedOn ?? fields.issuedOn,
      issuedBy: fields.issuedBy,
      departmentCode: fields.departmentCode,
      birthDate: birthDate ?? fields.birthDate,
    }
    const doc = checkPassport(passport, today())
    const found: Record<string, string> = { ...(name.ok ? {} : name.errors), ...(doc.ok ? {} : doc.errors) }
    if (!birthDate) found.birthDate = badDate
    if (!issuedOn) found.issuedOn = badDate
    warnings.value = doc.ok ? doc.warnings : []
    errors.value = found
    if (!name.ok || !doc.ok || Object.keys(found).length > 0) return null
    return { passport, holder: name.name }
  }

  const valid = computed(() => Object.keys(errors.value).length === 0)

  return { fields, errors, warnings, valid, prefill, validate }
}

/** Moves focus to the first field marked invalid, so the clerk can fix it without the mouse. */
export async function focusFirstInvalid(root: HTMLElement | null | undefined): Promise<void> {
  await nextTick()
  root?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
}
