import { eq } from 'drizzle-orm'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  type HelloAction,
  HelloRequest,
  HelloResponse,
  headerNames,
  type Scope,
} from '../../domain/sync/protocol'
import { deviceOfRequest, requireDevice } from '../auth/authHooks'
import { authenticateSignedIn } from '../auth/requestAuth'
import { readableScopes, writableScopes } from '../auth/scopes'
import type { ServerContext, UserAuth } from '../context'
import { devices } from '../db/schema'
import { supportedProtocol, supportedSchema } from '../http/supportedVersions'
import { detectRestoreAtHello } from '../restore/detectRestore'
import { compareVersions, MIN_APP_VERSION } from './appVersion'

const INT32_MAX = 2_147_483_647

/**
 * POST /sync/hello: the PC says where it stands; the server records it for IT (last seen, version,
 * clock offset, pending changes) and answers what the PC must do first: resnapshot after a server
 * restore (found here from what the PC knows, or announced with `--after-restore`), purge scopes its
 * user lost, rotate its epoch after a restore of the PC, or update.
 */
export const helloRoute: FastifyPluginAsyncZod<{ ctx: ServerContext }> = async (app, { ctx }) => {
  app.post(
    '/sync/hello',
    { onRequest: requireDevice(ctx), schema: { body: HelloRequest, response: { 200: HelloResponse } } },
    async (request) => {
      const device = deviceOfRequest(request)
      // The session is optional: a PC says hello before anyone signs in.
      const signedIn =
        request.headers[headerNames.session] === undefined ? null : await authenticateSignedIn(ctx, request)
      // A user still on a temporary password reads nothing until it is changed.
      const user: UserAuth | null = signedIn && !signedIn.mustChangePassword ? signedIn.user : null
      const body = request.body
      const now = ctx.now()
      const appVersion = String(request.headers[headerNames.app] ?? '')
      const offset = Date.parse(body.clientTime) - now.getTime()
      const clockOffsetMs = Math.max(-INT32_MAX, Math.min(INT32_MAX, offset))
      const { generation, evidence } = await detectRestoreAtHello(ctx, device.deviceId, body)
      if (evidence) {
        request.log.warn({ deviceId: device.deviceId, evidence }, 'the database was restored from a backup')
      }

      const state = await ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .select({ epoch: devices.epoch, lastSeq: devices.lastSeq })
          .from(devices)
          .where(eq(devices.id, device.deviceId))
          .for('update')
        if (!row) throw new Error('An authenticated device has no row')
        // The PC has given out fewer sequence numbers than the server applied: it was restored from
        // a backup. A new epoch lets it push its unconfirmed changes again without clashing.
        const rotate = body.lastLocalSeq < row.lastSeq
        const next = rotate ? { epoch: row.epoch + 1, lastSeq: 0 } : row
        await tx
          .update(devices)
          .set({
            lastSeenAt: now,
            appVersion: appVersion.slice(0, 50),
            clockOffsetMs,
            pendingChanges: Math.min(body.pendingChanges, INT32_MAX),
            ...(rotate ? next : {}),
          })
          .where(eq(devices.id, device.deviceId))
        return { ...next, rotated: rotate }
      })

      const readable = user ? readableScopes(user) : []
      const writable = new Set(user ? writableScopes(user) : [])
      const cursorScopes = Object.keys(body.cursors) as Scope[]
      const actions: HelloAction[] = []
      if (compareVersions(appVersion, MIN_APP_VERSION) < 0) {
        actions.push({ kind: 'updateRequired', minAppVersion: MIN_APP_VERSION })
      }
      if (state.rotated) actions.push({ kind: 'rotateEpoch', epoch: state.epoch })
      if (body.knownGeneration !== null && body.knownGeneration !== generation) {
        for (const scope of cursorScopes) actions.push({ kind: 'resnapshot', scope })
      }
      if (user) {
        for (const scope of cursorScopes) {
          if (!readable.includes(scope)) actions.push({ kind: 'purge', scope })
        }
      }
      return {
        serverTime: now.toISOString(),
        protocol: { ...supportedProtocol },
        schema: { ...supportedSchema },
        minAppVersion: MIN_APP_VERSION,
        serverGeneration: generation,
        epoch: state.epoch,
        deviceLastSeq: state.lastSeq,
        scopes: readable.map((scope) => ({ scope, write: writable.has(scope) })),
        actions,
      }
    },
  )
}
