// Enrollment: a desk presents an administrator's one-time code and gets its own credential,
// bound to the code's office and counter and to the desk's workstation id.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { CURRENT_SCHEMA_VERSION } from '../../db/migrate'
import { enrollRequestSchema, type Enrolled } from '../../../shared/office/protocol'
import { HttpError, readJson, sendData } from '../http'
import { enrollCodeHash, newToken, sha256Hex } from '../secrets'
import type { ServerState } from '../state'

const ASK_NEW_CODE = 'Попросите у администратора новый код (npm run server -- enroll).'

interface EnrollmentRow {
  id: string
  office_id: string
  counter_id: string
  expires_at: string
  used_at: string | null
}

function schemaRefusal(desk: number): string {
  return desk < CURRENT_SCHEMA_VERSION
    ? `Версия «Окна» на этом рабочем месте старее сервера (схема ${desk}, на сервере ${CURRENT_SCHEMA_VERSION}): обновите «Окно» на рабочем месте.`
    : `Версия «Окна» на этом рабочем месте новее сервера (схема ${desk}, на сервере ${CURRENT_SCHEMA_VERSION}): обновите сервер «Окно».`
}

export async function enroll(state: ServerState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJson(req, enrollRequestSchema)
  if (body.schemaVersion !== CURRENT_SCHEMA_VERSION)
    throw new HttpError('SCHEMA', schemaRefusal(body.schemaVersion))
  if (body.demo !== state.hello.demo) {
    throw new HttpError(
      'DEMO_MISMATCH',
      body.demo
        ? 'Это демонстрационное рабочее место, а сервер — рабочий: демо-данные не смешиваются с настоящими. Подключайте к серверу рабочее место с настоящей базой.'
        : 'Сервер «Окно» работает с демонстрационными данными, а это рабочее место — с настоящими: подключите его к рабочему серверу отделения.',
    )
  }
  const now = state.clock.now().toISOString()
  const secret = newToken()
  const enrolled = await state.db.knex.transaction(async (trx): Promise<Enrolled> => {
    const code = (await trx('server_enrollments')
      .where({ code_hash: enrollCodeHash(body.code) })
      .forUpdate()
      .first()) as EnrollmentRow | undefined
    if (!code)
      throw new HttpError(
        'ENROLL_REFUSED',
        `Код подключения неверен. Проверьте, как он введён. ${ASK_NEW_CODE}`,
      )
    if (code.used_at)
      throw new HttpError('ENROLL_REFUSED', `Этот код подключения уже использован. ${ASK_NEW_CODE}`)
    if (code.expires_at <= now)
      throw new HttpError('ENROLL_REFUSED', `Срок действия кода подключения истёк. ${ASK_NEW_CODE}`)
    const bound = (await trx('server_desks')
      .where({ workstation_id: body.workstationId })
      .whereNull('revoked_at')
      .first('id')) as { id: string } | undefined
    if (bound) {
      throw new HttpError(
        'CONFLICT',
        `Это рабочее место уже подключено к серверу (номер ${bound.id}). Чтобы подключить его заново, администратор сначала отключает его: npm run server -- revoke ${bound.id}.`,
      )
    }
    // A revoked desk enrolled again is a new desk: its old row stays revoked, with its history.
    const deskId = state.newId()
    await trx('server_desks').insert({
      id: deskId,
      workstation_id: body.workstationId,
      office_id: code.office_id,
      counter_id: code.counter_id,
      name: body.name,
      secret_hash: sha256Hex(secret),
      created_at: now,
      last_seen_at: now,
      revoked_at: null,
    })
    await trx('server_enrollments').where({ id: code.id }).update({ used_at: now, desk_id: deskId })
    const place = (await trx('counters as c')
      .join('offices as o', 'o.id', 'c.office_id')
      .select('o.code', 'c.number')
      .where('c.id', code.counter_id)
      .first()) as { code: string; number: number }
    return {
      deskId,
      secret,
      officeId: code.office_id,
      officeCode: place.code,
      counterId: code.counter_id,
      counterNumber: Number(place.number),
      serverId: state.hello.serverId,
    }
  })
  state.log(
    `Рабочее место «${body.name}» подключено: ${enrolled.deskId}, отделение ${enrolled.officeCode}, окно ${enrolled.counterNumber}.`,
  )
  sendData(res, enrolled)
}
