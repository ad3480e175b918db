// The handlers of accounts: the search and the account card: each channel's input to its service.
// Joined with the other capabilities' in ../handlers.ts.
import { getAccountCard, searchAccounts } from '../../services/accounts/accounts'
import { clerkId, type HandlersOf } from './call-context'

export const accountsHandlers = {
  'accounts:search': (i, c) => searchAccounts(c.ctx, i.query, clerkId(c)),
  'accounts:get': (i, c) => getAccountCard(c.ctx, i.accountId, clerkId(c)),
} satisfies HandlersOf<'accounts'>
