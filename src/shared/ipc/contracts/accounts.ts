// The contract of accounts: the search and the account card: channel → input schema, output type,
// access. Joined with the other capabilities' in ../contract.ts.
import type { AccountCard, AccountSearchResult } from '../../domain/account'
import { z } from 'zod'
import { channel, id } from '../channel-spec'

export const accountsContract = {
  'accounts:search': channel<z.ZodType<{ query: string }>, AccountSearchResult>(
    'clerk',
    // Long or odd input is not an error: the service reads what it can and ignores the rest.
    z.object({ query: z.string().max(20_000, 'Слишком длинный запрос') }).strict(),
  ),
  'accounts:get': channel<z.ZodType<{ accountId: string }>, AccountCard>(
    'clerk',
    z.object({ accountId: id }).strict(),
  ),
} as const
