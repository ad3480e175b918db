// The personal account (лицевой счёт) as the desk shows it: search hits and the card.
export type AccountStatus = 'open' | 'closed'
export type PersonRole = 'owner' | 'resident'
export type MeterStatus = 'active' | 'replaced' | 'removed'
/** ok: verification date well ahead; soon: within the warning window; lapsed: past due. */
export type VerificationState = 'ok' | 'soon' | 'lapsed'

export interface AccountSearchHit {
  accountId: string
  number: string
  address: string
  status: AccountStatus
  /** The owner or resident whose name matched, or the first owner for number/address hits. */
  personName: string | null
  personRole: PersonRole | null
  matchedBy: 'number' | 'name' | 'address' | 'passport'
}

export interface AccountSearchResult {
  items: AccountSearchHit[]
  /** More rows matched than were returned: the clerk should refine the query. */
  more: boolean
}

export interface AddressView {
  street: string
  house: string
  apartment: string | null
  /** One line, the way it is printed: «г. Севастополь, ул. Острякова, д. 61, кв. 3». */
  full: string
}

export interface AccountPerson {
  id: string
  fullName: string
  surname: string
  firstName: string
  patronymic: string | null
  birthDate: string | null
  owner: boolean
  /** Share of ownership as a fraction string («1/2»), owners only. */
  share: string | null
  /** Registered (прописан) at the address: counts for norm-based charges. */
  registered: boolean
  /** «•• •• •••456» when a passport is on file; the full one only through an audited reveal. */
  passportMasked: string | null
}

export interface MeterView {
  id: string
  serviceCode: string
  serviceName: string
  unit: string
  serial: string
  zones: number
  digitCapacity: number
  installedOn: string
  nextVerificationOn: string
  status: MeterStatus
  verification: VerificationState
  /** Days from today (organisation time zone) to the verification date; negative when lapsed. */
  daysToVerification: number
}

export interface AccountCard {
  id: string
  number: string
  status: AccountStatus
  /** Area in hundredths of a square metre (exact; 5430 = 54.30 m²). */
  areaCentiSqm: number
  openedOn: string
  address: AddressView
  office: { id: string; name: string } | null
  persons: AccountPerson[]
  registeredCount: number
  meters: MeterView[]
}
