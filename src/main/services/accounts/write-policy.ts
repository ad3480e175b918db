// The office server's write policy for the register of addresses and accounts: it is loaded and
// changed only on the server; desks read it.
import { serverOnly, type TablePolicies } from '../core/policy-kit'

export const accountWritePolicies: TablePolicies = {
  streets: serverOnly('Улицы меняются'),
  addresses: serverOnly('Адреса меняются'),
  accounts: serverOnly('Лицевые счета меняются'),
}
