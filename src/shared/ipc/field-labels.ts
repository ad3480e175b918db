// Russian names of the contract's input fields, for validation messages shown to the clerk.
export const FIELD_LABELS: Record<string, string> = {
  login: 'Логин',
  password: 'Пароль',
  query: 'Поиск',
  accountId: 'Лицевой счёт',
  officeId: 'Отделение',
  counterNumber: 'Номер окна',
  idleLockMinutes: 'Блокировка экрана',
}
