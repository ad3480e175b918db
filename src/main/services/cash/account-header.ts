// The account as a receipt and the payment form name it: number, one-line address, the payer.
import { formatFullAddress } from '../../../shared/address'
import { OknoError } from '../../../shared/ipc/envelope'
import { findAccount, listAccountPersons } from '../../db/repositories/accounts'
import type { ServiceContext } from '../core/context'

export interface AccountHeader {
  id: string
  number: string
  address: string
  /** The first owner (or, failing one, the first person on the account). */
  payerName: string
}

export async function accountHeader(ctx: ServiceContext, accountId: string): Promise<AccountHeader> {
  const [account, persons] = await Promise.all([
    findAccount(ctx.db, accountId),
    listAccountPersons(ctx.db, accountId),
  ])
  if (!account) throw new OknoError('NOT_FOUND', 'Лицевой счёт не найден. Повторите поиск.')
  const payer = persons.find((p) => p.owner) ?? persons[0]
  return {
    id: account.id,
    number: account.number,
    address: formatFullAddress(account),
    payerName: payer?.fullName ?? '',
  }
}
