// okno-server's command line as an administrator meets it: a mistake ends with exit code 1 and one
// Russian line saying what to fix; a --config file stands for the flags; `fingerprint` prints the
// same fingerprint the certificate in the data dir has.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { selfSignedIdentity } from '../../../src/main/server/tls'
import { runCli } from '../../helpers/okno-server'

const dir = mkdtempSync(join(tmpdir(), 'okno-server-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The command's failure: its exit code and what it printed to stderr. */
async function failure(args: string[]): Promise<{ code: number; stderr: string }> {
  const err = (await runCli(args).then(
    () => null,
    (e: unknown) => e,
  )) as { code?: number; stderr?: string } | null
  expect(err).not.toBeNull()
  return { code: err?.code ?? 0, stderr: err?.stderr ?? '' }
}

function expectOneRussianLine(stderr: string, words: RegExp): void {
  const lines = stderr.trim().split('\n')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(words)
  expect(lines[0]).not.toMatch(/\bat \S+:\d+|Error:|Unknown|option/)
}

it('mistakes end with exit code 1 and one Russian line', async () => {
  const cases: Array<[string[], RegExp]> = [
    [['serve', '--listen', '127.0.0.1:0'], /Не указан адрес базы данных/],
    [
      ['serve', '--pg', 'postgres://okno@127.0.0.1:1/okno', '--listen', 'где-то'],
      /--listen «где-то»: ожидается АДРЕС:ПОРТ/,
    ],
    [
      ['serve', '--pg', 'postgres://okno@127.0.0.1:1/okno', '--listen', '127.0.0.1:0'],
      /Не удалось подключиться к базе данных/,
    ],
    [['desks', '--bogus'], /Неизвестный параметр --bogus/],
    [['enroll', '--pg'], /Параметру --pg нужно значение/],
    [['launch'], /Неизвестная команда «launch»/],
    [['fingerprint', '--data-dir', join(dir, 'none')], /нет сертификата сервера/],
    [['desks', '--config', join(dir, 'missing.json')], /Не удалось прочитать файл настроек/],
  ]
  for (const [args, words] of cases) {
    const { code, stderr } = await failure(args)
    expect(code, args.join(' ')).toBe(1)
    expectOneRussianLine(stderr, words)
  }
})

it("a --config file stands for the flags; fingerprint prints the data dir certificate's", async () => {
  const dataDir = join(dir, 'data')
  mkdirSync(dataDir)
  const identity = await selfSignedIdentity(dataDir, ['okno.office.local'])
  const config = join(dir, 'okno-server.json')
  writeFileSync(config, JSON.stringify({ 'data-dir': dataDir }))
  const { stdout } = await runCli(['fingerprint', '--config', config])
  expect(stdout.trim()).toBe(`Отпечаток сертификата (SHA-256): ${identity.fingerprint}`)

  writeFileSync(config, JSON.stringify({ 'data-dir': dataDir, password: 'x' }))
  const { stderr } = await failure(['fingerprint', '--config', config])
  expectOneRussianLine(stderr, /неверный ключ «password»/)
})
