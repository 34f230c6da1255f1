// Two PCs and their central server for tests/e2e/syncAcrossPcs.spec.ts: the server on embedded
// PGlite with a small demo municipality, and two web hosts, each with its own local store, enrolled
// with the server's demo code, as two office PCs would be. Started by Playwright (playwright.config.ts).
import { rmSync } from 'node:fs'
import { createServer } from 'node:http'
import { join, resolve } from 'node:path'
import { eq } from 'drizzle-orm'
import { demoUsers } from '../../domain/auth/demoUsers'
import { type Backend, startBackend } from '../../electron/backend/startBackend'
import { startWebHost, type WebHost } from '../../electron/backend/web/host'
import { openPglite } from '../../server/db/openPglite'
import { users } from '../../server/db/schema'
import { startServer } from '../../server/startServer'
import { type NetworkSwitch, startNetworkSwitch } from '../support/networkSwitch'

const root = resolve(import.meta.dirname, '../..')
const dataDir = join(root, '.data/e2e-sync')
const [serverPort, ...pcPorts] = [4792, 4793, 4794]
const controlPort = 4795
const token = process.env.RUSTAVI_WEB_TOKEN

rmSync(dataDir, { recursive: true, force: true })
const database = await openPglite(join(dataDir, 'server'))
const server = await startServer({
  database,
  port: serverPort,
  demoDataDir: join(dataDir, 'server'),
  demoObjects: 300,
  // A small sanitation city: the clerk's counter payment needs a receipt block only a server leases.
  demoPayers: 200,
  app: { logLevel: 'warn' },
})
// The clerk also works at the sanitation counter (tests/e2e/sanitationClerk.spec.ts).
const clerk = demoUsers.find((u) => u.username === 'clerk')!
await server.ctx.db
  .update(users)
  .set({ departments: [...new Set([...clerk.departments, 'sanitation' as const])] })
  .where(eq(users.id, clerk.id))
const pcs: { backend: Backend; host: WebHost; network: NetworkSwitch }[] = []
for (const [i, port] of pcPorts.entries()) {
  // Each PC reaches the server through its own cable, which a test may unplug (see below).
  const network = await startNetworkSwitch(server.url)
  const backend = await startBackend({
    userDataDir: join(dataDir, `pc-${i + 1}`),
    migrationsFolder: join(root, 'migrations'),
    serverUrl: network.url,
    enrolCode: server.demoCode ?? '',
    deviceName: `ოთახი ${101 + i}`,
    sync: { intervalMs: 5_000, retryMs: 500 },
  })
  const host = await startWebHost({
    dispatch: backend.dispatch,
    rendererDir: join(root, 'out/renderer'),
    port,
    ...(token ? { token } : {}),
  })
  pcs.push({ backend, host, network })
  console.log(`PC ${i + 1}: ${host.url}`)
}
console.log(`Central server: ${server.url}`)

// `POST /pc/<n>/unplug` and `/pc/<n>/plug`: a test takes a PC offline and back, as a cable would.
const control = createServer((request, response) => {
  const match = /^\/pc\/([12])\/(unplug|plug)$/.exec(request.url ?? '')
  const pc = match ? pcs[Number(match[1]) - 1] : undefined
  if (request.method !== 'POST' || !match || !pc) {
    response.writeHead(404).end()
    return
  }
  if (match[2] === 'unplug') pc.network.unplug()
  else pc.network.plug()
  response.writeHead(204).end()
})
await new Promise<void>((resolve) => control.listen(controlPort, '127.0.0.1', resolve))

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    control.close()
    for (const pc of pcs) {
      await pc.host.close()
      await pc.backend.close()
      await pc.network.close()
    }
    await server.stop()
    await database.close()
    process.exit(0)
  })
}
