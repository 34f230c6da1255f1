import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build, type Plugin } from 'esbuild'

// The PC driver and the server, each compiled once per process into one JavaScript file in a
// temporary folder: a run starts a dozen of these processes (PCs and servers killed and started
// again), and under tsx's loader each start compiled and loaded some three hundred TypeScript files
// (1.4-1.9 s for a PC, 3-4.4 s for the server on 2 cores; 0.4-0.6 s and 1.6-3 s compiled). The
// packages go into the bundle too (CPU to start: PC 350 -> 215 ms, server 2.1 -> 1.75 s), except
// those that load files of their own at run time (a native module, PGlite's WebAssembly, pino's
// workers): those stay outside, found through a node_modules link beside the bundle.

/** Packages loaded from node_modules, as under tsx. */
const loadedAtRunTime = ['better-sqlite3', '@electric-sql/pglite', 'pg-native', 'pino', 'thread-stream']

const repoRoot = fileURLToPath(new URL('../../', import.meta.url))

/** Node's arguments that start each, instead of `--import tsx <source>`. */
export interface CompiledEntries {
  pcDriver: string[]
  server: string[]
}

/**
 * The server's WebAssembly (PGlite) compiled by V8's baseline compiler only: the optimising tier
 * recompiled the hot part of PostgreSQL on every start, 0.8 of the 1.85 s of CPU a PGlite server
 * took to its first request, for a process the harness kills or stops within seconds.
 */
const serverFlags = ['--liftoff-only']

/**
 * Source files locate their own folders (migrations) from `import.meta`; in the bundle each keeps
 * its own file's place, not the bundle's.
 */
const ownPlaceOfEachFile: Plugin = {
  name: 'own-place-of-each-file',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8')
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
      return { contents: source, loader: 'ts' }
    })
  },
}

let compiled: Promise<CompiledEntries> | null = null
let folder: string | null = null

/** Compiles the entries on first use (2-3 s); later calls in this process share the result. */
export function compiledEntries(): Promise<CompiledEntries> {
  if (!compiled) {
    compiled = compile()
    compiled.catch(() => {
      compiled = null
    })
  }
  return compiled
}

/**
 * Removes the compiled files now. Otherwise they go when the process exits, which a test worker
 * that is ended from outside never does.
 */
export function removeCompiledEntries(): void {
  if (folder) rmSync(folder, { recursive: true, force: true })
  folder = null
  compiled = null
}

async function compile(): Promise<CompiledEntries> {
  const outdir = mkdtempSync(join(tmpdir(), 'rustavi-fault-entries-'))
  folder = outdir
  process.once('exit', () => rmSync(outdir, { recursive: true, force: true }))
  symlinkSync(join(repoRoot, 'node_modules'), join(outdir, 'node_modules'), 'dir')
  await build({
    entryPoints: {
      pcDriver: join(repoRoot, 'tests/fault/pcDriver.ts'),
      server: join(repoRoot, 'server/main.ts'),
    },
    absWorkingDir: repoRoot,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node.split('.')[0]}`,
    external: loadedAtRunTime.flatMap((name) => [name, `${name}/*`]),
    // The packages bundled as CommonJS still call require() for Node's own modules.
    banner: {
      js: "import { createRequire as requireOfBundle } from 'node:module'; const require = requireOfBundle(import.meta.url);",
    },
    outdir,
    outExtension: { '.js': '.mjs' },
    plugins: [ownPlaceOfEachFile],
    logLevel: 'silent',
  })
  return { pcDriver: [join(outdir, 'pcDriver.mjs')], server: [...serverFlags, join(outdir, 'server.mjs')] }
}
