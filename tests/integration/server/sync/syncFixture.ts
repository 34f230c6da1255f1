import { v7 as uuidv7 } from 'uuid'
import type { Department, Role } from '../../../../domain/auth/roles'
import {
  headerNames,
  type Mutation,
  PROTOCOL_VERSION,
  type PushResponse,
  SCHEMA_VERSION,
} from '../../../../domain/sync/protocol'
import { encodeHlc } from '../../../../domain/time/hlc'
import { buildApp, type ServerApp } from '../../../../server/app'
import { createEnrolmentCode } from '../../../../server/auth/enrolmentCodes'
import { hashPassword } from '../../../../server/auth/passwords'
import type { ServerContext } from '../../../../server/context'
import { createServerContext } from '../../../../server/createContext'
import { openPglite } from '../../../../server/db/openPglite'
import { users } from '../../../../server/db/schema'
import type { ServerDatabase } from '../../../../server/db/serverDatabase'
import { ensureServerGeneration } from '../../../../server/db/serverMeta'
import { seedReferenceData } from '../../../../server/seed/referenceData'

// One in-memory PGlite and the real Fastify app per test file, driven with app.inject. PCs enrol
// and users sign in through the platform's own routes, so every request is authenticated for real.

export interface Reply<T = unknown> {
  status: number
  body: T
}

export interface TestUser {
  id: string
  username: string
  displayName: string
}

export interface TestPc {
  deviceId: string
  token: string
  epoch: number
  /** The next device sequence number this PC will give a mutation. */
  nextSeq: number
}

export interface SyncFixture {
  app: ServerApp
  ctx: ServerContext
  database: ServerDatabase
  request<T = unknown>(
    method: 'GET' | 'POST',
    url: string,
    options?: { pc?: TestPc; session?: string; body?: unknown },
  ): Promise<Reply<T>>
  addUser(role: Role, departments: Department[], name?: string): Promise<TestUser>
  setAccess(user: TestUser, role: Role, departments: Department[], active?: boolean): Promise<void>
  /** Enrols a PC under `deviceName` (default 'PC'), as IT names a computer. */
  enrolPc(deviceName?: string): Promise<TestPc>
  signIn(pc: TestPc, user: TestUser): Promise<string>
  /** Pushes mutations built by `mutation` (their seqs taken from the PC). */
  push(pc: TestPc, mutations: Mutation[]): Promise<Reply<PushResponse>>
  /** Moves the server clock on. */
  advance(ms: number): void
  close(): Promise<void>
}

const PASSWORD = 'Sync-Test-Password-2026'

/** On `database` when given (real PostgreSQL, say), else on a new in-memory PGlite; close() closes it. */
export async function startSyncFixture(given?: ServerDatabase): Promise<SyncFixture> {
  const database = given ?? (await openPglite())
  let offsetMs = 0
  const handle = await createServerContext(database, { now: () => new Date(Date.now() + offsetMs) })
  const { ctx } = handle
  await ensureServerGeneration(ctx.db, ctx.now())
  await seedReferenceData(ctx)
  const app = await buildApp(ctx, { logLevel: 'silent' })
  await app.ready()
  const passwordHash = await hashPassword(PASSWORD)
  let userCount = 0

  const fixture: SyncFixture = {
    app,
    ctx,
    database,
    async request(method, url, options = {}) {
      const headers: Record<string, string> = {
        [headerNames.protocol]: String(PROTOCOL_VERSION),
        [headerNames.schema]: String(SCHEMA_VERSION),
        [headerNames.app]: '0.1.0',
      }
      if (options.pc) headers.authorization = `Bearer ${options.pc.token}`
      if (options.session) headers[headerNames.session] = options.session
      const reply = await app.inject({
        method,
        url,
        headers,
        ...(options.body === undefined ? {} : { payload: options.body as object }),
      })
      return { status: reply.statusCode, body: reply.body ? JSON.parse(reply.body) : null }
    },
    async addUser(role, departments, name) {
      userCount += 1
      const user = {
        id: uuidv7(),
        username: `user${userCount}`,
        displayName: name ?? `მომხმარებელი ${userCount}`,
      }
      await ctx.db.insert(users).values({
        ...user,
        role,
        departments,
        passwordHash,
        createdAt: ctx.now(),
      })
      return user
    },
    async setAccess(user, role, departments, active = true) {
      const { eq } = await import('drizzle-orm')
      await ctx.db.update(users).set({ role, departments, active }).where(eq(users.id, user.id))
    },
    async enrolPc(deviceName = 'PC') {
      const code = await createEnrolmentCode(ctx, { createdBy: null })
      const reply = await fixture.request<{ deviceId: string; deviceToken: string; epoch: number }>(
        'POST',
        '/v1/enrol',
        { body: { code: code.code, deviceName, appVersion: '0.1.0' } },
      )
      if (reply.status !== 201) throw new Error(`enrol: ${reply.status} ${JSON.stringify(reply.body)}`)
      return {
        deviceId: reply.body.deviceId,
        token: reply.body.deviceToken,
        epoch: reply.body.epoch,
        nextSeq: 1,
      }
    },
    async signIn(pc, user) {
      const reply = await fixture.request<{ sessionToken: string }>('POST', '/v1/auth/login', {
        pc,
        body: { username: user.username, password: PASSWORD },
      })
      if (reply.status !== 200) throw new Error(`login: ${reply.status} ${JSON.stringify(reply.body)}`)
      return reply.body.sessionToken
    },
    push(pc, mutations) {
      return fixture.request<PushResponse>('POST', '/v1/sync/push', {
        pc,
        body: { epoch: pc.epoch, mutations },
      })
    },
    advance(ms) {
      offsetMs += ms
    },
    async close() {
      await app.close()
      await handle.close()
      await database.close()
    },
  }
  return fixture
}

let hlcCounter = 0

/** One outbox row of `pc` by `user`, taking the PC's next sequence number. */
export function mutation(
  pc: TestPc,
  user: TestUser,
  change: {
    entity: string
    rowId?: string
    op: Mutation['op']
    fields?: Mutation['fields']
    base?: Mutation['baseVersions']
    /** Milliseconds since the epoch for the HLC (default: now). */
    atMs?: number
  },
): Mutation {
  hlcCounter += 1
  const seq = pc.nextSeq
  pc.nextSeq += 1
  return {
    seq,
    mutationId: uuidv7(),
    entity: change.entity,
    rowId: change.rowId ?? uuidv7(),
    op: change.op,
    fields: change.fields ?? {},
    baseVersions: change.base ?? {},
    hlc: encodeHlc({ wallMs: change.atMs ?? Date.now(), counter: hlcCounter % 1000, deviceId: pc.deviceId }),
    userId: user.id,
    createdAt: new Date().toISOString(),
  }
}

export const unitIds = {
  first: '0190a3c0-0000-7000-8000-000000000101',
  second: '0190a3c0-0000-7000-8000-000000000102',
}

/** A valid property object row (a clerk's whole row). */
export function objectRow(overrides: Record<string, string | number | boolean | null> = {}) {
  return {
    inventoryNumber: `INV-${uuidv7().slice(-8)}`,
    name: 'ადმინისტრაციული შენობა',
    type: 'building',
    propertyClass: 'basic',
    state: 'inUse',
    territorialUnitId: unitIds.first,
    street: 'მშვიდობის ქუჩა',
    building: '5',
    apartment: '',
    postalCode: null,
    addressNote: '',
    areaSqm: 120.5,
    purpose: '',
    bookValueTetri: 15_000_000,
    marketValueTetri: null,
    acquiredOn: '2020-03-01',
    acquisitionMethod: 'purchase',
    acquisitionAct: '',
    custodian: '',
    notes: '',
    ...overrides,
  }
}

export function leaseRow(objectId: string, overrides: Record<string, string | number | boolean | null> = {}) {
  return {
    objectId,
    contractNumber: `contract-2026-${Math.floor(Math.random() * 1e9)}`,
    tenantKind: 'company',
    tenantName: 'შპს რუსთავი',
    tenantIdNumber: '204567890',
    tenantPhone: null,
    startDate: '2026-01-01',
    endDate: '2028-01-01',
    annualRentTetri: 1_200_000,
    schedule: 'monthly',
    legalBasis: '',
    terminatedOn: null,
    ...overrides,
  }
}
