// The contract of printing: the printers, a document to paper or to PDF: channel → input schema,
// output type, access. Joined with the other capabilities' in ../contract.ts.
import { printRequestSchema, type PdfResult, type PrintResult, type PrinterInfo } from '../../print/document'
import { channel, empty } from '../channel-spec'

export const printingContract = {
  'printing:print': channel<typeof printRequestSchema, PrintResult>('clerk', printRequestSchema),
  'printing:printers': channel<typeof empty, PrinterInfo[]>('clerk', empty),
  'printing:pdf': channel<typeof printRequestSchema, PdfResult>('clerk', printRequestSchema),
} as const
