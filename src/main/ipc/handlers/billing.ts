// The handlers of billing: readings taken at the counter, the charge run, the statement, the month,
// the balance, the bill: each channel's input to its service. Joined with the other capabilities'
// in ../handlers.ts.
import { accountBalance, accountStatement, monthDetail } from '../../services/billing/balances'
import { billDocument } from '../../services/billing/bill-data'
import { runChargesShared } from '../../services/billing/charge-run-shared'
import { checkReadings, postReadings, readingsForm, readingsHistory } from '../../services/billing/readings'
import { clerk, clerkId, type HandlersOf } from './call-context'

export const billingHandlers = {
  'readings:form': (i, c) => readingsForm(c.ctx, i.accountId),
  'readings:check': (i, c) => checkReadings(c.ctx, i),
  'readings:post': (i, c) => postReadings(c.ctx, clerk(c), i),
  'readings:history': (i, c) => readingsHistory(c.ctx, i.accountId),
  // In office mode the run is the server's (every desk's readings are there); desks then replace
  // the month's charges with the server's as one change.
  'charges:run': (i, c) =>
    c.sync.direct('расчёт начислений', 'charges.run', i, clerkId(c), () =>
      runChargesShared(c.ctx, i.period, clerkId(c)),
    ),
  'charges:statement': (i, c) => accountStatement(c.ctx, i.accountId, i.from, i.to),
  'charges:month': (i, c) => monthDetail(c.ctx, i.accountId, i.period),
  'charges:balance': (i, c) => accountBalance(c.ctx, i.accountId, i.asOf),
  'charges:bill': (i, c) => billDocument(c.ctx, i.accountId, i.period),
} satisfies HandlersOf<'readings' | 'charges'>
