import { copyFileSync, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { demoUsers } from '../../domain/auth/demoUsers'
import { type AckedSave, type CheckResult, checkRun } from './checker'
import {
  type FaultyLink,
  healthy,
  type LinkFaults,
  type LinkStats,
  noTraffic,
  openFaultyLink,
} from './faultyNetwork'
import { PcGone, type PcProcess, startPc } from './pcProcess'
import type { PcCommand, PcConfig, PcStatus } from './pcProtocol'
import { startPostgresServerNode } from './postgresServerNode'
import { scratchFolder } from './scratchFolder'
import { type Random, seededRandom } from './seededRandom'
import { type ServerNode, startPgliteServerNode } from './serverNode'
import { readPcView, type ServerView } from './views'
import { burst, nextClerkAction, type SharedRecords } from './workload'

// One run of the fault harness, all of it drawn from one seed: N PCs (child processes, each its own
// SQLite file and skewed clock) edit a shared set of records through faulty links to a server child
// process; PCs and the server are killed with SIGKILL at random points and restarted on the same
// files. Then every fault is removed, every PC syncs until nothing moves, and the checker holds the
// stores to the invariants (tests/fault/checker.ts).

export interface FaultRunOptions {
  seed: number
  pcs?: number
  /** Clerk actions across all PCs. */
  steps?: number
  pcCrashes?: boolean
  /** Restore a PC's store from an earlier backup now and then (it must rotate its epoch and re-push). */
  restores?: boolean
  serverCrashes?: boolean
  /** Back the server's database up and later put it back (`--after-restore`): nothing acknowledged may be lost. */
  serverRestores?: boolean
  /** Property objects the server starts with (the shared set grows as PCs create more). */
  demoObjects?: number
  /** Start the server from a data folder prepared once per process (worth it from the second run on). */
  serverTemplate?: boolean
  /** The server's database: embedded PGlite (the default) or PostgreSQL (a throwaway cluster per process). */
  serverEngine?: 'pglite' | 'postgres'
  /** Keep the run's folder (stores, server data) for a post-mortem. */
  keep?: boolean
  log?: (line: string) => void
}

export interface FaultRunResult {
  seed: number
  ok: boolean
  check: CheckResult | null
  /** A failure before the check could run (a PC that never came back, a sync that never went quiet). */
  error: string | null
  faults: {
    pcKills: number
    serverKills: number
    partitions: number
    clockJumps: number
    restores: number
    serverRestores: number
    skewsMs: number[]
    network: LinkStats
  }
  healPasses: number
  durationMs: number
  workDir: string
  rerun: string
}

const DAY_MS = 86_400_000
const clerk = demoUsers.find((u) => u.username === 'clerk')!
const SCOPES = ['reference', 'property']

export const rerunCommand = (o: FaultRunOptions) =>
  `npx tsx tests/fault/soak.ts --seed ${o.seed} --runs 1 --pcs ${o.pcs ?? 3} --steps ${o.steps ?? 40}` +
  `${o.serverCrashes === false ? ' --no-server-crashes' : ''}${o.pcCrashes === false ? ' --no-pc-crashes' : ''}` +
  `${o.serverRestores === false ? ' --no-server-restores' : ''} --engine ${o.serverEngine ?? 'pglite'}`

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Link fault profiles a PC moves between during the chaos phase. */
function randomFaults(random: Random): LinkFaults {
  return random.pick<LinkFaults>([
    { ...healthy, dropRequest: 0.05, delay: 0.2, maxDelayMs: 500 },
    { ...healthy, dropRequest: 0.2, dropResponse: 0.25 },
    { ...healthy, duplicate: 0.4, replayLater: 0.3 },
    { ...healthy, delay: 0.5, maxDelayMs: 2_500, cutStream: 0.5 },
    {
      dropRequest: 0.1,
      dropResponse: 0.1,
      duplicate: 0.15,
      replayLater: 0.15,
      delay: 0.3,
      maxDelayMs: 1_500,
      cutStream: 0.3,
    },
  ])
}

export async function runFaultRun(options: FaultRunOptions): Promise<FaultRunResult> {
  const started = Date.now()
  const pcCount = options.pcs ?? 3
  const steps = options.steps ?? 40
  const log = options.log ?? (() => {})
  const random = seededRandom(options.seed)
  const chaos = random.fork('chaos')
  const clerks = random.fork('clerks')
  const workDir = scratchFolder(`rustavi-fault-${options.seed}-`)
  const history: AckedSave[] = []
  const pcs: (PcProcess | null)[] = []
  const configs: PcConfig[] = []
  const deviceIds: string[] = []
  const links: FaultyLink[] = []
  const timers = new Set<Promise<unknown>>()
  const faults = {
    pcKills: 0,
    serverKills: 0,
    partitions: 0,
    clockJumps: 0,
    restores: 0,
    serverRestores: 0,
    skewsMs: [] as number[],
  }
  /** Per PC: its last backup's file and how much of the history it holds. */
  const backups = new Map<number, { file: string; historyLength: number }>()
  const forgotten = new Set<string>()
  /** The server's log just before its backup was put back (saves made before name it). */
  let beforeRestore: ServerView | undefined
  let server: ServerNode | null = null
  let healPasses = 0
  let error: string | null = null
  let check: CheckResult | null = null

  const background = (work: Promise<unknown>) => {
    const tracked = work.catch(() => undefined)
    timers.add(tracked)
    void tracked.finally(() => timers.delete(tracked))
  }

  const launch = async (i: number) => {
    const pc = await startPc(configs[i]!, (acked, number) => {
      for (const m of acked)
        history.push({ ...m, pc: i, deviceId: deviceIds[i]!, ...(number ? { number } : {}) })
    })
    pcs[i] = pc
    return pc
  }

  try {
    const dataDir = join(workDir, 'server')
    server =
      options.serverEngine === 'postgres'
        ? await startPostgresServerNode(dataDir, options.demoObjects ?? 4, options.seed)
        : await startPgliteServerNode(dataDir, options.demoObjects ?? 4, options.serverTemplate ?? false)
    const node = server
    log(`server up after ${Date.now() - started} ms`)
    for (let i = 0; i < pcCount; i++) {
      links.push(await openFaultyLink(() => node.url(), random.fork(`link-${i}`)))
      // Half the PCs have a wrong clock, up to a day either way.
      const skewMs = random.chance(0.5) ? random.int(-DAY_MS, DAY_MS) : 0
      faults.skewsMs.push(skewMs)
      mkdirSync(join(workDir, `pc-${i}`))
      configs.push({
        dbFile: join(workDir, `pc-${i}`, 'rustavi.db'),
        skewMs,
        intervalMs: random.int(150, 600),
        timeoutMs: 2_000,
        pokes: true,
      })
    }
    await Promise.all(configs.map((_, i) => launch(i)))
    log(`PC processes up after ${Date.now() - started} ms`)
    for (let i = 0; i < pcCount; i++) {
      const pc = pcs[i]!
      const answer = await setUpCall<{ deviceId: string }>(pc, {
        cmd: 'enrol',
        serverUrl: links[i]!.url,
        code: node.enrolmentCode,
        deviceName: `fault-pc-${i}`,
      })
      deviceIds[i] = answer.deviceId
      await setUpCall(pc, { cmd: 'login', username: clerk.username, password: clerk.password })
      await pc.call({ cmd: 'start' })
      await pc.call({ cmd: 'sync' })
    }
    const shared: SharedRecords = {
      objects: await pcs[0]!.call<string[]>({ cmd: 'liveIds', table: 'property_object' }),
      leased: [],
      created: 0,
    }
    log(
      `seed ${options.seed}: ${pcCount} PCs ready after ${Date.now() - started} ms, skews ${faults.skewsMs.map((s) => Math.round(s / 60_000))} min`,
    )
    for (const link of links) link.setFaults(randomFaults(chaos))

    // --- Chaos: clerks work while the network and the processes fail. ---------------------------
    const busy = new Set<number>()
    const down = new Set<number>()
    let serverDown = false
    // In some runs the server's database is backed up early and put back late in the chaos, so
    // changes it acknowledged in between are lost from it and must come back from the PCs.
    const serverRestore =
      options.serverRestores !== false && chaos.chance(0.4)
        ? {
            backUpAt: chaos.int(1, Math.floor(steps / 3)),
            restoreAt: chaos.int(Math.floor(steps / 2), steps - 1),
          }
        : null
    const serverBackup: { state: 'none' | 'running' | 'done' } = { state: 'none' }
    for (let step = 0; step < steps; step++) {
      if (serverRestore && !serverDown) {
        if (serverBackup.state === 'none' && step >= serverRestore.backUpAt) {
          serverDown = true
          serverBackup.state = 'running'
          log(`step ${step}: server backed up`)
          background(
            node.backUp().finally(() => {
              serverBackup.state = 'done'
              serverDown = false
            }),
          )
        } else if (serverBackup.state === 'done' && step >= serverRestore.restoreAt) {
          serverDown = true
          serverBackup.state = 'none'
          serverRestore.backUpAt = Number.POSITIVE_INFINITY
          faults.serverRestores += 1
          log(`step ${step}: server restored from its backup`)
          background(
            node
              .restoreBackup()
              .then((view) => {
                beforeRestore = view
              })
              .finally(() => {
                serverDown = false
              }),
          )
        }
      }
      const roll = chaos.next()
      if (roll < 0.12) {
        const i = chaos.int(0, pcCount - 1)
        links[i]!.setFaults(randomFaults(chaos))
      } else if (roll < 0.19) {
        const i = chaos.int(0, pcCount - 1)
        const ms = chaos.int(300, 3_000)
        faults.partitions += 1
        links[i]!.partition(true)
        background(sleep(ms).then(() => links[i]!.partition(false)))
      } else if (roll < 0.25 && options.pcCrashes !== false) {
        const i = chaos.int(0, pcCount - 1)
        if (!down.has(i) && !busy.has(i)) {
          down.add(i)
          faults.pcKills += 1
          const pc = pcs[i]!
          const killAfter = chaos.int(0, 40)
          const restartAfter = chaos.int(100, 1_000)
          const jump = chaos.chance(0.3) ? chaos.int(-DAY_MS, DAY_MS) : null
          // A burst of saves, and a SIGKILL somewhere inside it.
          background(pc.call(burst(clerks, shared)))
          background(
            (async () => {
              await sleep(killAfter)
              await pc.kill()
              await sleep(restartAfter)
              if (jump !== null) {
                faults.clockJumps += 1
                configs[i] = { ...configs[i]!, skewMs: jump }
              }
              const again = await launch(i)
              await again.call({ cmd: 'start' })
              down.delete(i)
            })(),
          )
        }
      } else if (roll < 0.3 && options.restores !== false) {
        const i = chaos.int(0, pcCount - 1)
        const backup = backups.get(i)
        if (!down.has(i) && !backup) {
          const file = join(workDir, `pc-${i}`, 'backup.db')
          // The backup holds every save acknowledged before its answer (commands run in order). The
          // history's length is taken as the answer is read: acks of saves made after the backup can
          // be read in the same chunk, before a then() would run.
          let historyLength = 0
          background(
            pcs[i]!.call({ cmd: 'backup', to: file }, undefined, () => {
              historyLength = history.length
            }).then(() => backups.set(i, { file, historyLength })),
          )
        } else if (!down.has(i) && !busy.has(i) && backup) {
          down.add(i)
          backups.delete(i)
          faults.restores += 1
          background(
            (async () => {
              await pcs[i]!.kill()
              // Saves made after the backup are gone from this PC's disk now.
              for (const save of history.slice(backup.historyLength)) {
                if (save.pc === i) forgotten.add(save.mutationId)
              }
              const file = configs[i]!.dbFile
              for (const suffix of ['-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true })
              copyFileSync(backup.file, file)
              rmSync(backup.file)
              const again = await launch(i)
              await again.call({ cmd: 'start' })
              down.delete(i)
            })(),
          )
        }
      } else if (roll < 0.33 && options.serverCrashes !== false && !serverDown) {
        serverDown = true
        faults.serverKills += 1
        const restartAfter = chaos.int(200, 2_000)
        background(
          (async () => {
            await node.crash()
            await sleep(restartAfter)
            await node.restart()
            serverDown = false
          })(),
        )
      }
      const free = Array.from({ length: pcCount }, (_, i) => i).filter((i) => !busy.has(i) && !down.has(i))
      if (free.length > 0) {
        const i = clerks.pick(free)
        busy.add(i)
        const command = nextClerkAction(clerks, shared)
        background(
          pcs[i]!.call(command).finally(() => {
            busy.delete(i)
          }),
        )
      }
      await sleep(chaos.int(10, 120))
    }
    log(`clerks done after ${Date.now() - started} ms`)

    // --- Heal: no more faults; every process back; sync until nothing moves. --------------------
    for (const link of links) {
      link.setFaults(healthy)
      link.partition(false)
    }
    while (timers.size > 0) await Promise.all([...timers])
    // A backup taken too late in the chaos to be put back during it is put back now, before healing.
    if (serverBackup.state === 'done') {
      faults.serverRestores += 1
      log('after the chaos: server restored from its backup')
      beforeRestore = await node.restoreBackup()
    }
    await node.restart()
    for (let i = 0; i < pcCount; i++) {
      if (!pcs[i] || (await Promise.race([pcs[i]!.exited.then(() => true), sleep(0).then(() => false)]))) {
        await launch(i)
        await pcs[i]!.call({ cmd: 'start' })
      }
    }
    log(`chaos over after ${Date.now() - started} ms: ${JSON.stringify(links.map((l) => l.stats))}`)
    healPasses = await syncUntilQuiet(pcs as PcProcess[], log)
    log(`quiet after ${Date.now() - started} ms`)

    // --- Check ----------------------------------------------------------------------------------
    await Promise.all(pcs.map((pc) => pc?.stop()))
    await node.stop()
    log(`stopped after ${Date.now() - started} ms`)
    const serverView = await node.readView()
    const pcViews = configs.map((c) => readPcView(c.dbFile))
    check = checkRun({ history, server: serverView, pcs: pcViews, scopes: SCOPES, forgotten, beforeRestore })
    log(`checked after ${Date.now() - started} ms`)
  } catch (e) {
    error =
      e instanceof PcGone
        ? `a PC died unexpectedly: ${e.message}`
        : e instanceof Error
          ? (e.stack ?? e.message)
          : String(e)
    for (let i = 0; i < pcs.length; i++) {
      const stderr = pcs[i]?.stderr()
      if (stderr) error += `\n--- PC ${i} stderr ---\n${stderr.slice(-3_000)}`
    }
    const serverErrors = (server?.output() ?? '').split('\n').filter((line) => /"level":(50|60)/.test(line))
    if (serverErrors.length > 0)
      error += `\n--- server errors ---\n${serverErrors.slice(-5).join('\n').slice(-4_000)}`
  } finally {
    await Promise.allSettled(pcs.map((pc) => pc?.kill()))
    await server?.stop().catch(() => undefined)
    await Promise.allSettled(links.map((l) => l.close()))
  }
  log(`processes and links closed after ${Date.now() - started} ms`)
  await server?.dispose().catch(() => undefined)

  const network = sumStats(links.map((l) => l.stats))
  const ok = error === null && check !== null && check.violations.length === 0
  if (ok && !options.keep) rmSync(workDir, { recursive: true, force: true })
  log(`cleaned up after ${Date.now() - started} ms`)
  return {
    seed: options.seed,
    ok,
    check,
    error,
    faults: { ...faults, network },
    healPasses,
    durationMs: Date.now() - started,
    workDir,
    rerun: rerunCommand(options),
  }
}

const SET_UP_ATTEMPTS = 5

/**
 * A call of the set-up, before any fault is on: asked again when the PC's request timed out, which
 * then only means the machine is busy (several runs at once, other work), not a fault under test.
 * The demo enrolment code enrols any number of PCs, so an enrolment asked again is harmless.
 */
async function setUpCall<T>(pc: PcProcess, command: PcCommand): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await pc.call<T>(command)
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'TIMEOUT' || attempt >= SET_UP_ATTEMPTS) throw error
    }
  }
}

const MAX_HEAL_PASSES = 25

/**
 * Rounds on every PC until every outbox is empty and every PC's cursors stand still and agree.
 * Returns the passes it took; throws when it does not go quiet (a stuck queue is a failure).
 */
async function syncUntilQuiet(pcs: PcProcess[], log: (line: string) => void): Promise<number> {
  let previous = ''
  let statuses: PcStatus[] = []
  for (let pass = 1; pass <= MAX_HEAL_PASSES; pass++) {
    statuses = []
    for (const pc of pcs) statuses.push(await pc.call<PcStatus>({ cmd: 'sync' }))
    const cursors = statuses.map((s) => JSON.stringify(s.cursors))
    const drained = statuses.every((s) => s.unconfirmed === 0)
    const agreed = cursors.every((c) => c === cursors[0])
    if (drained && agreed && cursors[0] === previous) return pass
    previous = agreed ? cursors[0]! : ''
  }
  log(`not quiet: ${JSON.stringify(statuses)}`)
  throw new Error(
    `The PCs did not go quiet within ${MAX_HEAL_PASSES} sync passes: ${JSON.stringify(statuses)}`,
  )
}

function sumStats(all: LinkStats[]): LinkStats {
  const total = noTraffic()
  for (const key of Object.keys(total) as (keyof LinkStats)[])
    total[key] = all.reduce((n, s) => n + s[key], 0)
  return total
}
