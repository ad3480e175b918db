// The handlers of printing: the printers, a document to paper or to PDF: each channel's input to
// its service. Joined with the other capabilities' in ../handlers.ts.

import { type HandlersOf } from './call-context'

export const printingHandlers = {
  // A document made for one paper (the A4 bill) names it; anything else prints on the workstation's.
  'printing:print': (i, c) =>
    c.printer.print(i.document, { ...c.ctx.settings.get().printer, ...(i.paper ? { paper: i.paper } : {}) }),
  'printing:printers': (_, c) => c.printer.listPrinters(),
  'printing:pdf': (i, c) => c.printer.pdf(i.document),
} satisfies HandlersOf<'printing'>
