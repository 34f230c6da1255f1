import { z } from 'zod'
import { checkPullPage, checkSnapshotPage, type PageCheck } from '../../../domain/sync/pageChecks'
import {
  EnrolRequest,
  EnrolResponse,
  ErrorBody,
  GapBody,
  HelloRequest,
  HelloResponse,
  headerNames,
  LoginRequest,
  LoginResponse,
  NumberLease,
  NumberLeaseRequest,
  PROTOCOL_VERSION,
  PushRequest,
  PushResponse,
  SCHEMA_VERSION,
  type Scope,
  ServerErrorCode,
  ServerUser,
  UpdateRequiredBody,
} from '../../../domain/sync/protocol'
import { SyncFailure } from './httpFailure'

/** Who this PC is towards the server; read before every request (enrolment and epochs change it). */
export interface Connection {
  serverUrl: string
  deviceId: string
  deviceToken: string | null
  epoch: number | null
  generation: string | null
}

export interface SyncHttpOptions {
  connection: () => Connection | null
  appVersion: string
  /** The signed-in user's server session, when there is one. */
  getSession: () => string | null
  fetch?: typeof fetch
  timeoutMs?: number
}

export type SyncHttpClient = ReturnType<typeof createSyncHttpClient>

/** A 204 answer: no body at all. */
const NoContent = z.undefined()

/** How an answer is checked: a protocol schema, or a page's own check (domain/sync/pageChecks.ts). */
interface AnswerCheck<T> {
  safeParse(json: unknown): PageCheck<T>
  parse(json: unknown): T
}

/** A page check in the shape of a schema; a page is never a 204. */
const pageCheck = <T>(check: (json: unknown) => PageCheck<T>): AnswerCheck<T> => ({
  safeParse: check,
  parse: (json) => {
    const checked = check(json)
    if (!checked.success) throw new Error(checked.error.message)
    return checked.data
  },
})
/** What an answer checked by `S` is. */
type Checked<S> = S extends z.ZodType ? z.output<S> : S extends AnswerCheck<infer T> ? T : never
const PullPage = pageCheck(checkPullPage)
const SnapshotPage = pageCheck(checkSnapshotPage)

/**
 * The PC's side of every sync route: protocol headers, the device token, the user's session, a
 * timeout, and every answer checked against the protocol's schemas. A failure of any kind becomes
 * a `SyncFailure` with a code; nothing that is not our server's JSON is ever taken as data.
 */
export function createSyncHttpClient(options: SyncHttpOptions) {
  const fetchImpl = options.fetch ?? fetch
  const timeoutMs = options.timeoutMs ?? 30_000

  async function call<S extends z.ZodType | AnswerCheck<unknown>>(
    schema: S,
    method: 'GET' | 'POST' | 'PATCH',
    path: string,
    init: {
      body?: unknown
      query?: Record<string, string | number | undefined>
      serverUrl?: string
      signal?: AbortSignal
      /** A particular user's server session instead of the latest one (IT's admin calls); null: none. */
      session?: string | null
    } = {},
  ): Promise<Checked<S>> {
    const connection = options.connection()
    const base = init.serverUrl ?? connection?.serverUrl
    if (!base) throw new SyncFailure('UNAUTHENTICATED', 'This PC is not enrolled with a server')
    const url = new URL(`/v1${path}`, base)
    for (const [key, value] of Object.entries(init.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value))
    }
    const timeout = AbortSignal.timeout(timeoutMs)
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout
    let response: Response
    let text: string
    try {
      response = await fetchImpl(url, {
        method,
        headers: sessionHeader(headersFor(connection, options, init.body !== undefined), init.session),
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal,
      })
      text = await response.text()
    } catch (error) {
      if (timeout.aborted)
        throw new SyncFailure('TIMEOUT', `No answer from ${url.origin} within ${timeoutMs} ms`)
      throw new SyncFailure('NETWORK', `${url.origin} cannot be reached: ${(error as Error).message}`)
    }
    return parseAnswer(schema, response, text)
  }

  return {
    enrol: (serverUrl: string, body: z.input<typeof EnrolRequest>) =>
      call(EnrolResponse, 'POST', '/enrol', { body: EnrolRequest.parse(body), serverUrl }),
    login: (body: z.input<typeof LoginRequest>) =>
      call(LoginResponse, 'POST', '/auth/login', { body: LoginRequest.parse(body) }),
    logout: (session: string) => call(NoContent, 'POST', '/auth/logout', { body: {}, session }),
    changePassword: (session: string, body: { currentPassword: string; newPassword: string }) =>
      call(ServerUser, 'POST', '/auth/password', { body, session }),
    /** IT's calls under /v1/admin, made with the signed-in administrator's own session. */
    admin: <S extends z.ZodType>(
      session: string,
      schema: S,
      method: 'GET' | 'POST' | 'PATCH',
      path: string,
      body?: unknown,
    ) => call(schema, method, `/admin${path}`, { body, session }) as Promise<z.output<S>>,
    /** `withoutSession`: as the PC alone, when the signed-in user's server session has ended. */
    hello: (body: z.input<typeof HelloRequest>, signal?: AbortSignal, withoutSession = false) =>
      call(HelloResponse, 'POST', '/sync/hello', {
        body: HelloRequest.parse(body),
        signal,
        ...(withoutSession ? { session: null } : {}),
      }),
    push: (body: z.input<typeof PushRequest>, signal?: AbortSignal) =>
      call(PushResponse, 'POST', '/sync/push', { body: PushRequest.parse(body), signal }),
    pull: (query: { scope: Scope; after: number; limit?: number }, signal?: AbortSignal) =>
      call(PullPage, 'GET', '/sync/pull', { query, signal }),
    snapshot: (query: { scope: Scope; token?: string; limit?: number }, signal?: AbortSignal) =>
      call(SnapshotPage, 'GET', '/sync/snapshot', { query, signal }),
    leaseNumbers: (body: z.input<typeof NumberLeaseRequest>, signal?: AbortSignal) =>
      call(NumberLease, 'POST', '/numbers/lease', { body: NumberLeaseRequest.parse(body), signal }),
    /** The poke stream (server-sent events); only connecting is bounded by the timeout. */
    async openEvents(signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
      const connection = options.connection()
      if (!connection) throw new SyncFailure('UNAUTHENTICATED', 'This PC is not enrolled with a server')
      // The stream stays open for hours: only connecting is bounded, so no AbortSignal.timeout here.
      const controller = new AbortController()
      const onAbort = () => controller.abort()
      signal.addEventListener('abort', onAbort, { once: true })
      let timedOut = false
      const timer = setTimeout(() => {
        timedOut = true
        controller.abort()
      }, timeoutMs)
      let response: Response
      try {
        response = await fetchImpl(new URL('/v1/sync/events', connection.serverUrl), {
          headers: { ...headersFor(connection, options, false), accept: 'text/event-stream' },
          signal: controller.signal,
        })
      } catch (error) {
        if (timedOut) throw new SyncFailure('TIMEOUT', 'The event stream did not open in time')
        throw new SyncFailure('NETWORK', `The event stream cannot be opened: ${(error as Error).message}`)
      } finally {
        clearTimeout(timer)
        // Once connected, the reader is cancelled on abort instead (pokes.ts): a listener left on
        // the long-lived signal would pile up, one per reconnect.
        signal.removeEventListener('abort', onAbort)
      }
      const type = response.headers.get('content-type') ?? ''
      if (!response.ok || !type.startsWith('text/event-stream') || !response.body) {
        const text = await response.text().catch(() => '')
        parseAnswer(ErrorBody, response, text)
        throw new SyncFailure(
          'BAD_RESPONSE',
          `The event stream answered ${response.status} ${type}`,
          response.status,
        )
      }
      return response.body
    },
  }
}

function headersFor(connection: Connection | null, options: SyncHttpOptions, hasBody: boolean) {
  const headers: Record<string, string> = {
    accept: 'application/json',
    [headerNames.protocol]: String(PROTOCOL_VERSION),
    [headerNames.schema]: String(SCHEMA_VERSION),
    [headerNames.app]: options.appVersion,
  }
  if (hasBody) headers['content-type'] = 'application/json'
  if (connection) {
    headers[headerNames.device] = connection.deviceId
    if (connection.epoch !== null) headers[headerNames.epoch] = String(connection.epoch)
    if (connection.generation !== null) headers[headerNames.generation] = connection.generation
    if (connection.deviceToken) headers.authorization = `Bearer ${connection.deviceToken}`
  }
  const session = options.getSession()
  if (session) headers[headerNames.session] = session
  return headers
}

/** The headers with `session` in place of the latest one (undefined keeps it, null removes it). */
function sessionHeader(headers: Record<string, string>, session: string | null | undefined) {
  if (session === undefined) return headers
  const { [headerNames.session]: _latest, ...rest } = headers
  return session === null ? rest : { ...rest, [headerNames.session]: session }
}

/** The answer as data, or the failure it reports; anything that is not our JSON is BAD_RESPONSE. */
function parseAnswer<S extends z.ZodType | AnswerCheck<unknown>>(
  schema: S,
  response: Response,
  text: string,
): Checked<S> {
  const type = response.headers.get('content-type') ?? ''
  let json: unknown
  if (type.includes('application/json')) {
    try {
      json = JSON.parse(text)
    } catch {
      json = undefined
    }
  }
  if (!response.ok) {
    const error = ErrorBody.safeParse(json)
    const code = ServerErrorCode.safeParse(error.data?.error.code)
    if (!error.success || !code.success) {
      // A proxy's or load balancer's page: only its status says anything.
      const byStatus = response.status === 502 || response.status === 503 || response.status === 504
      throw new SyncFailure(
        byStatus ? 'UNAVAILABLE' : 'BAD_RESPONSE',
        `HTTP ${response.status}`,
        response.status,
      )
    }
    const expected = code.data === 'SEQUENCE_GAP' ? (GapBody.safeParse(json).data?.expected ?? null) : null
    // A 426 asks the PC to update, unless the server itself serves only older protocols than this
    // PC speaks: then the server is the one to update, and nothing on this PC would help.
    const serverMax =
      code.data === 'UPDATE_REQUIRED' ? UpdateRequiredBody.safeParse(json).data?.protocol.max : undefined
    if (serverMax !== undefined && serverMax < PROTOCOL_VERSION) {
      throw new SyncFailure(
        'SERVER_OUTDATED',
        `The server speaks protocol ${serverMax} at most; this PC speaks ${PROTOCOL_VERSION}`,
        response.status,
      )
    }
    throw new SyncFailure(code.data, error.data.error.message, response.status, expected)
  }
  if (response.status === 204 && text === '') return schema.parse(undefined) as Checked<S>
  const data = schema.safeParse(json)
  if (json === undefined || !data.success) {
    throw new SyncFailure(
      'BAD_RESPONSE',
      json === undefined
        ? `The answer is not JSON (${type || 'no content type'}): a captive portal or proxy may be in the way`
        : `The answer does not match the protocol: ${data.error?.message}`,
      response.status,
    )
  }
  return data.data as Checked<S>
}
