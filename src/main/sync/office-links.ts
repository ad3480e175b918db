// The three ways the desk reaches an okno-server (link/): a link for an enrolled desk, the probe
// an administrator compares before trusting a server, and the enrollment. One object, so tests
// hand the sync service a fake and the desk the HTTPS one.
import type { EnrollRequest, Enrolled, Hello } from '../../shared/office/protocol'
import { OfficeLinkError, type DeskCredential, type LinkTarget, type OfficeLink } from './link/types'

export interface OfficeLinks {
  open(target: LinkTarget, credential: DeskCredential): OfficeLink
  probe(url: string): Promise<{ fingerprint: string; hello: Hello }>
  enroll(target: LinkTarget, request: EnrollRequest): Promise<Enrolled>
}

function missing(): never {
  throw new OfficeLinkError('UNAVAILABLE', 'Связь с сервером «Окно» в этой сборке не настроена.', false)
}

/** Until the HTTPS link is joined in (link/), every call is refused with a clear message. */
export const httpsLinks: OfficeLinks = {
  open: missing,
  probe: async () => missing(),
  enroll: async () => missing(),
}
