// The office server's write policy for clerks: their records, roles and passwords change only by
// the server's operations; a desk never pushes a clerk (a role raised at a desk stays there).
import { serverOnly, type TablePolicies } from '../core/policy-kit'

export const clerkWritePolicies: TablePolicies = {
  clerks: serverOnly('Сотрудники, их роли и пароли меняются'),
}
