// The three ways the desk reaches an okno-server (link/): a link for an enrolled desk, the probe
// an administrator compares before trusting a server, and the enrollment. One object, so tests
// hand the sync service a fake and the desk the HTTPS one.
import type { EnrollRequest, Enrolled, Hello } from '../../shared/office/protocol'
import { enrollDesk, openOfficeLink, probeServer } from './link/https-link'
import type { DeskCredential, LinkTarget, OfficeLink } from './link/types'

export interface OfficeLinks {
  open(target: LinkTarget, credential: DeskCredential): OfficeLink
  probe(url: string): Promise<{ fingerprint: string; hello: Hello }>
  enroll(target: LinkTarget, request: EnrollRequest): Promise<Enrolled>
}

export const httpsLinks: OfficeLinks = { open: openOfficeLink, probe: probeServer, enroll: enrollDesk }
