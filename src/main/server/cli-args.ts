// okno-server's command line: flags (or a --config JSON file with the same keys), checked into
// typed options; every mistake is a CliError with one Russian line saying what to fix.
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { z } from 'zod'

export class CliError extends Error {}

/** Appended to a one-line mistake: where the full usage is. */
export const HELP = 'Справка: npm run server'

export const USAGE = [
  'Использование: npm run server -- КОМАНДА [параметры]',
  '  serve --pg URL --listen АДРЕС:ПОРТ [--data-dir ПАПКА] [--cert ФАЙЛ --key ФАЙЛ] [--host-name ИМЯ]…',
  '        [--statement-timeout-ms 30000]',
  '  migrate --pg URL_ВЛАДЕЛЬЦА [--grant-to РОЛЬ]',
  '  enroll --pg URL --office КОД --counter N [--minutes 15]',
  '  desks --pg URL',
  '  revoke --pg URL НОМЕР_РАБОЧЕГО_МЕСТА',
  '  refusals --pg URL [--limit N]',
  '  fingerprint [--data-dir ПАПКА]',
  '  demo --pg URL [--accounts N] [--history-months M] [--seed S]',
  'Вместо параметров можно указать --config файл.json с теми же ключами ("pg", "listen", "data-dir", …).',
].join('\n')

const OPTIONS = {
  config: { type: 'string' },
  pg: { type: 'string' },
  listen: { type: 'string' },
  'data-dir': { type: 'string' },
  cert: { type: 'string' },
  key: { type: 'string' },
  'host-name': { type: 'string', multiple: true },
  'statement-timeout-ms': { type: 'string' },
  'grant-to': { type: 'string' },
  office: { type: 'string' },
  counter: { type: 'string' },
  minutes: { type: 'string' },
  limit: { type: 'string' },
  accounts: { type: 'string' },
  'history-months': { type: 'string' },
  seed: { type: 'string' },
} as const

type Key = Exclude<keyof typeof OPTIONS, 'config'>
export type Options = Partial<Record<Exclude<Key, 'host-name'>, string>> & { 'host-name'?: string[] }

const configSchema = z
  .object({
    pg: z.string(),
    listen: z.string(),
    'data-dir': z.string(),
    cert: z.string(),
    key: z.string(),
    'host-name': z.union([z.string(), z.array(z.string())]),
    'statement-timeout-ms': z.union([z.string(), z.number()]),
    'grant-to': z.string(),
    office: z.string(),
    counter: z.union([z.string(), z.number()]),
    minutes: z.union([z.string(), z.number()]),
    limit: z.union([z.string(), z.number()]),
  })
  .partial()
  .strict()

function readConfig(path: string): Options {
  let value: unknown
  try {
    value = JSON.parse(readFileSync(path, 'utf8'))
  } catch (err) {
    const reason = (err as { code?: string }).code === 'ENOENT' ? 'файл не найден' : 'это не JSON'
    throw new CliError(`Не удалось прочитать файл настроек ${path}: ${reason}.`)
  }
  const parsed = configSchema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where =
      issue?.code === 'unrecognized_keys' ? issue.keys.join(', ') : String(issue?.path.join('.') ?? '')
    throw new CliError(
      `Файл настроек ${path}: неверный ключ «${where}». Допустимые ключи — те же, что параметры команды.`,
    )
  }
  const c = parsed.data
  const text = (v: string | number | undefined) => (v === undefined ? undefined : String(v))
  return {
    ...Object.fromEntries(Object.entries(c).map(([k, v]) => [k, Array.isArray(v) ? v : text(v)])),
    ...(c['host-name'] === undefined ? {} : { 'host-name': [c['host-name']].flat() }),
  } as Options
}

export function parseCommand(argv: readonly string[]): {
  command: string
  options: Options
  positionals: string[]
} {
  let parsed
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: OPTIONS, strict: true })
  } catch (err) {
    const option = /'(-[^']*)'/.exec((err as Error).message)?.[1] ?? ''
    const code = (err as { code?: string }).code
    throw new CliError(
      code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
        ? `Параметру ${option.split(' ')[0]} нужно значение. ${HELP}`
        : `Неизвестный параметр ${option}. ${HELP}`,
    )
  }
  const [command = '', ...positionals] = parsed.positionals
  const { config, ...flags } = parsed.values
  const fromFile = config ? readConfig(config) : {}
  return { command, options: { ...fromFile, ...(flags as Options) }, positionals }
}

export function required(options: Options, name: Exclude<Key, 'host-name'>): string {
  const value = options[name]
  if (!value) throw new CliError(`Не указан параметр --${name}. ${HELP}`)
  return value
}

export function integer(
  name: string,
  text: string | undefined,
  min: number,
  max: number,
  fallback?: number,
): number {
  if (text === undefined && fallback !== undefined) return fallback
  const n = Number(text)
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new CliError(
      `--${name}: целое число от ${min.toLocaleString('ru-RU')} до ${max.toLocaleString('ru-RU')}`,
    )
  }
  return n
}

/** The address as PostgreSQL's client takes it, or a message about what is wrong with it. */
export function checkPgUrl(text: string | undefined): string {
  if (!text)
    throw new CliError(`Не указан адрес базы данных: --pg postgres://пользователь@сервер:порт/база. ${HELP}`)
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new CliError('Неверный адрес базы данных: ожидается postgres://пользователь@сервер:порт/база')
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new CliError('Неверный адрес базы данных: он должен начинаться с postgres://')
  }
  if (!url.hostname) throw new CliError('В адресе базы данных нет имени или IP-адреса сервера PostgreSQL')
  if (url.pathname.length <= 1) throw new CliError('В адресе базы данных не указана база')
  return text
}

/** The address without the password, for messages and logs. */
export function shownUrl(text: string): string {
  const url = new URL(text)
  if (url.password) url.password = '***'
  return url.toString()
}

export function parseListen(text: string): { host: string; port: number } {
  const m = /^(\[[0-9a-fA-F:]+\]|[^:\s]+):(\d{1,5})$/.exec(text.trim())
  const port = Number(m?.[2])
  if (!m || port > 65_535) {
    throw new CliError(`--listen «${text}»: ожидается АДРЕС:ПОРТ, например 0.0.0.0:8443 или 127.0.0.1:0`)
  }
  return { host: (m[1] as string).replace(/^\[|\]$/g, ''), port }
}
