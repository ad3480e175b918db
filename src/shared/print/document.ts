// A printable document as data: built by pure functions (slips, receipts, tickets), rendered to
// HTML for A4 and previews, or to electron-pos-printer lines for thermal printers.
import { z } from 'zod'

export const PAPER_KINDS = ['a4', 'thermal58', 'thermal80'] as const
export type PaperKind = (typeof PAPER_KINDS)[number]

export const PAPER_TITLES: Record<PaperKind, string> = {
  a4: 'A4 (лазерный принтер)',
  thermal58: 'Чековая лента 58 мм',
  thermal80: 'Чековая лента 80 мм',
}

const text = z.string().max(2000)

export const documentBlockSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('title'), text }).strict(),
  z
    .object({
      kind: z.literal('text'),
      text,
      emphasis: z.enum(['bold', 'small', 'large']).optional(),
      align: z.enum(['left', 'center', 'right']).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('field'),
      label: z.string().max(200),
      value: text,
      emphasis: z.enum(['bold', 'large']).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('separator') }).strict(),
  // A QR code (the bill's payment code): the payload is encoded, never shown as text.
  z
    .object({
      kind: z.literal('qr'),
      payload: z.string().min(1).max(2000),
      caption: z.string().max(200).optional(),
      /** Printed side in millimetres, quiet zone included. */
      sizeMm: z.number().min(15).max(60).optional(),
    })
    .strict(),
  // Columns of text: a bill's services, a report's lines. Cells are plain text.
  z
    .object({
      kind: z.literal('table'),
      columns: z
        .array(
          z
            .object({
              title: z.string().max(200),
              align: z.enum(['left', 'right']).optional(),
              /** Relative weight of the column's width (2 = twice as wide as a 1). */
              width: z.number().positive().max(100).optional(),
            })
            .strict(),
        )
        .min(1)
        .max(12),
      rows: z.array(z.array(z.string().max(500)).max(12)).max(500),
      footer: z.array(z.string().max(500)).max(12).optional(),
    })
    .strict(),
])

export const printDocumentSchema = z
  .object({
    title: z.string().min(1).max(200),
    blocks: z.array(documentBlockSchema).min(1).max(200),
    /** A reprint: every copy says «КОПИЯ». */
    copy: z.boolean().optional(),
  })
  .strict()

export type DocumentBlock = z.infer<typeof documentBlockSchema>
export type PrintDocument = z.infer<typeof printDocumentSchema>

/** `paper` overrides the workstation's paper for a document made for one (the bill is A4 only). */
export const printRequestSchema = z
  .object({ document: printDocumentSchema, paper: z.enum(PAPER_KINDS).optional() })
  .strict()

/**
 * A failed print never undoes the act it prints (the clerk prints again). `browserDialog`: this
 * process has no print backend (browser mode), so the renderer prints its preview itself.
 */
export type PrintResult = { ok: true } | { ok: false; message: string; browserDialog?: true }

/** A document as an A4 PDF (base64), or why not; `browserDialog` as for PrintResult. */
export type PdfResult = { ok: true; base64: string } | { ok: false; message: string; browserDialog?: true }

export interface PrinterInfo {
  name: string
  isDefault: boolean
}

export const printerSettingsSchema = z
  .object({
    paper: z.enum(PAPER_KINDS, { message: 'Выберите вид бумаги из списка' }),
    deviceName: z.string().trim().max(200).nullable(),
    copies: z
      .number({ message: 'Копий: от 1 до 5' })
      .int('Копий: целое число')
      .min(1, 'Копий: от 1 до 5')
      .max(5, 'Копий: от 1 до 5'),
  })
  .strict()

export type PrinterSettings = z.infer<typeof printerSettingsSchema>

export const DEFAULT_PRINTER_SETTINGS: PrinterSettings = { paper: 'a4', deviceName: null, copies: 1 }
