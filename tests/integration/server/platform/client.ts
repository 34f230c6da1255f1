import { headerNames, PROTOCOL_VERSION, SCHEMA_VERSION } from '../../../../domain/sync/protocol'

// A small HTTP client for the platform tests: real requests over loopback to a listening server.

export interface Reply {
  status: number
  headers: Headers
  body: unknown
}

export interface CallOptions {
  /** JSON-encoded unless `raw` is given. */
  body?: unknown
  /** Sent as is, with content-type application/json unless `contentType` says otherwise. */
  raw?: string
  contentType?: string
  deviceToken?: string
  session?: string
  /** Replaces the version headers (omit one by setting it to undefined). */
  versions?: Partial<Record<'protocol' | 'schema' | 'app', string | undefined>>
  headers?: Record<string, string>
}

export const currentVersions = {
  protocol: String(PROTOCOL_VERSION),
  schema: String(SCHEMA_VERSION),
  app: '0.1.0',
}

export async function call(
  baseUrl: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Reply> {
  const headers: Record<string, string> = {}
  const versions = { ...currentVersions, ...options.versions }
  for (const key of ['protocol', 'schema', 'app'] as const) {
    const value = versions[key]
    if (value !== undefined) headers[headerNames[key]] = value
  }
  if (options.deviceToken) headers.authorization = `Bearer ${options.deviceToken}`
  if (options.session) headers[headerNames.session] = options.session
  let body: string | undefined
  if (options.raw !== undefined) body = options.raw
  else if (options.body !== undefined) body = JSON.stringify(options.body)
  if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json'
  Object.assign(headers, options.headers)
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body })
  const text = await response.text()
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null }
}

/** The error code of an error reply, checking its shape on the way. */
export function errorCode(reply: Reply): string {
  const body = reply.body as { error?: { code?: unknown; message?: unknown } }
  if (typeof body?.error?.code !== 'string' || typeof body.error.message !== 'string') {
    throw new Error(`Not an error body: ${JSON.stringify(reply.body)}`)
  }
  return body.error.code
}

export interface Enrolled {
  deviceId: string
  deviceToken: string
}

export async function enrol(baseUrl: string, code: string, deviceName = 'Test PC'): Promise<Enrolled> {
  const reply = await call(baseUrl, 'POST', '/v1/enrol', { body: { code, deviceName, appVersion: '0.1.0' } })
  if (reply.status !== 201) throw new Error(`enrol: ${reply.status} ${JSON.stringify(reply.body)}`)
  return reply.body as Enrolled
}

export async function signIn(
  baseUrl: string,
  deviceToken: string,
  username: string,
  password: string,
): Promise<string> {
  const reply = await call(baseUrl, 'POST', '/v1/auth/login', { deviceToken, body: { username, password } })
  if (reply.status !== 200) throw new Error(`login: ${reply.status} ${JSON.stringify(reply.body)}`)
  return (reply.body as { sessionToken: string }).sessionToken
}

/** What the tests' IT administrator chose in place of the demo's temporary password. */
export const chosenAdminPassword = 'Chosen-By-IT-7'

/**
 * Signs the demo IT administrator in, changing the temporary password first if the server still has
 * it (until then the server refuses the admin routes), as the app makes a person do.
 */
export async function signInAdmin(baseUrl: string, deviceToken: string, temporary: string): Promise<string> {
  const chosen = await call(baseUrl, 'POST', '/v1/auth/login', {
    deviceToken,
    body: { username: 'admin', password: chosenAdminPassword },
  })
  if (chosen.status === 200) return (chosen.body as { sessionToken: string }).sessionToken
  const session = await signIn(baseUrl, deviceToken, 'admin', temporary)
  const changed = await call(baseUrl, 'POST', '/v1/auth/password', {
    deviceToken,
    session,
    body: { currentPassword: temporary, newPassword: chosenAdminPassword },
  })
  if (changed.status !== 200)
    throw new Error(`password change: ${changed.status} ${JSON.stringify(changed.body)}`)
  return session
}
