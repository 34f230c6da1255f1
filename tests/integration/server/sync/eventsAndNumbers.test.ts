import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { SyncConflictRow } from '../../../../domain/sync/conflictRow'
import { headerNames, PROTOCOL_VERSION, SCHEMA_VERSION } from '../../../../domain/sync/protocol'
import { record } from '../../../../server/db/schema'
import {
  leaseRow,
  mutation,
  objectRow,
  type SyncFixture,
  startSyncFixture,
  type TestPc,
  type TestUser,
} from './syncFixture'

let f: SyncFixture
let clerk: TestUser
let otherClerk: TestUser
let pc: TestPc
let url: string

beforeAll(async () => {
  f = await startSyncFixture()
  clerk = await f.addUser('clerk', ['property'])
  otherClerk = await f.addUser('clerk', ['sanitation'])
  pc = await f.enrolPc()
  url = await f.app.listen({ host: '127.0.0.1', port: 0 })
})
afterAll(() => f.close())

/** Opens the event stream and collects what arrives. */
async function openEvents(session: string) {
  const controller = new AbortController()
  const response = await fetch(`${url}/v1/sync/events`, {
    headers: {
      authorization: `Bearer ${pc.token}`,
      [headerNames.session]: session,
      [headerNames.protocol]: String(PROTOCOL_VERSION),
      [headerNames.schema]: String(SCHEMA_VERSION),
      [headerNames.app]: '0.1.0',
    },
    signal: controller.signal,
  })
  let text = ''
  const reading = (async () => {
    const decoder = new TextDecoder()
    try {
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) text += decoder.decode(chunk)
    } catch {
      // aborted
    }
  })()
  return {
    response,
    text: () => text,
    async close() {
      controller.abort()
      await reading
    },
  }
}

const until = async (check: () => boolean, ms = 3_000) => {
  const end = Date.now() + ms
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20))
}

describe('GET /sync/events', () => {
  it('pokes a PC within a second when its scope changes, and never about scopes its user cannot read', async () => {
    const propertyEvents = await openEvents(await f.signIn(pc, clerk))
    const sanitationEvents = await openEvents(await f.signIn(pc, otherClerk))
    expect(propertyEvents.response.status).toBe(200)
    expect(propertyEvents.response.headers.get('content-type')).toContain('text/event-stream')
    const started = Date.now()
    const reply = await f.push(pc, [
      mutation(pc, clerk, { entity: 'propertyObject', op: 'insert', fields: objectRow() }),
    ])
    const result = reply.body.results[0]
    if (result?.status !== 'applied') throw new Error('push failed')
    await until(() => propertyEvents.text().includes('event: poke'))
    expect(Date.now() - started).toBeLessThan(1_000)
    expect(propertyEvents.text()).toContain(
      `event: poke\ndata: ${JSON.stringify({ scope: 'property', seq: result.changeSeq })}\n\n`,
    )
    await new Promise((r) => setTimeout(r, 100))
    expect(sanitationEvents.text()).not.toContain('property')
    await propertyEvents.close()
    await sanitationEvents.close()
  })

  it('sends a heartbeat comment every 15 s and lets go of its listener when the PC hangs up', async () => {
    // Observe (not replace) the context's subscriptions, to see the stream give its own back.
    const realOnPoke = f.ctx.onPoke
    let listening = 0
    f.ctx.onPoke = (listener) => {
      listening += 1
      const off = realOnPoke(listener)
      return () => {
        listening -= 1
        off()
      }
    }
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    try {
      const events = await openEvents(await f.signIn(pc, clerk))
      await until(() => events.text().includes(': connected'))
      expect(listening).toBe(1)
      expect(events.text()).not.toContain(': heartbeat')
      vi.advanceTimersByTime(15_000)
      await until(() => events.text().includes(': heartbeat'))
      expect(events.text()).toContain(': heartbeat\n\n')
      await events.close()
      await until(() => listening === 0)
      expect(listening).toBe(0)
    } finally {
      vi.useRealTimers()
      f.ctx.onPoke = realOnPoke
    }
  })

  it('refuses a request without a session', async () => {
    const reply = await f.request('GET', '/v1/sync/events', { pc })
    expect(reply.status).toBe(401)
  })
})

describe('document numbers', () => {
  it('keeps a lease whose contract number was already issued, as a duplicateNumber conflict for a person', async () => {
    const object = mutation(pc, clerk, { entity: 'propertyObject', op: 'insert', fields: objectRow() })
    const first = mutation(pc, clerk, {
      entity: 'propertyLease',
      op: 'insert',
      fields: leaseRow(object.rowId, { contractNumber: 'contract-2026-17' }),
    })
    const other = await f.enrolPc()
    const second = mutation(other, clerk, {
      entity: 'propertyLease',
      op: 'insert',
      fields: leaseRow(object.rowId, { contractNumber: 'contract-2026-17' }),
    })
    await f.push(pc, [object, first])
    const [result] = (await f.push(other, [second])).body.results
    if (result?.status !== 'conflicted') throw new Error(`expected a conflict: ${JSON.stringify(result)}`)
    const rows = await f.ctx.db.select().from(record)
    expect(rows.some((r) => r.id === second.rowId && r.deletedAt === null)).toBe(true)
    const conflict = rows.find((r) => r.id === result.conflictIds[0])?.values as SyncConflictRow
    expect(conflict).toMatchObject({
      kind: 'duplicateNumber',
      rowId: second.rowId,
      field: 'contractNumber',
      otherValue: JSON.stringify('contract-2026-17'),
      otherDeviceId: other.deviceId,
    })
  })
})
