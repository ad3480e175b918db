// Stored Z-reports: a shift's (for a reprint), and all of them read back a page at a time — their
// content (the report as printed at closing, JSON) for the audit check, which compares the log
// with the chain heads each one printed.
import type { Knex } from 'knex'
import { pagesByKey } from '../key-pages'

export interface ZReportContentRow {
  id: string
  number: number
  content: string
}

export async function* zReportPages(knex: Knex, pageSize: number): AsyncGenerator<ZReportContentRow[]> {
  for await (const page of pagesByKey(knex, 'z_reports', ['id'], {
    pageSize,
    columns: ['id', 'number', 'content'],
  })) {
    yield page as unknown as ZReportContentRow[]
  }
}

/** The Z-report of shift `shiftId` as stored at closing, with its content's hash. */
export async function zReportOfShift(
  knex: Knex,
  shiftId: string,
): Promise<{ content: string; content_hash: string } | undefined> {
  return (await knex('z_reports').where({ shift_id: shiftId }).first()) as
    { content: string; content_hash: string } | undefined
}
