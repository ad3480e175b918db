// Lines of an NDJSON answer, read as the consumer asks for them (the stream pauses meanwhile, so
// the server waits for a slow desk); a line longer than MAX_LINE_BYTES is refused.
import type { Readable } from 'node:stream'
import { OfficeLinkError } from './types'

export const MAX_LINE_BYTES = 16 * 1024 * 1024

export async function* readLines(stream: Readable): AsyncGenerator<string> {
  let pending: Buffer[] = []
  let size = 0
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let start = 0
    for (let nl = chunk.indexOf(10, start); nl >= 0; nl = chunk.indexOf(10, start)) {
      pending.push(chunk.subarray(start, nl))
      size += nl - start
      if (size > MAX_LINE_BYTES) break
      const line = Buffer.concat(pending).toString('utf8')
      pending = []
      size = 0
      start = nl + 1
      if (line.trim()) yield line
    }
    if (start < chunk.length) {
      pending.push(chunk.subarray(start))
      size += chunk.length - start
    }
    if (size > MAX_LINE_BYTES) {
      stream.destroy()
      throw new OfficeLinkError(
        'TOO_LARGE',
        'Строка первой загрузки больше 16 МБ: сообщите администратору сервера «Окно».',
        false,
      )
    }
  }
  if (size > 0) {
    const line = Buffer.concat(pending).toString('utf8')
    if (line.trim()) yield line
  }
}
