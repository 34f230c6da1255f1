import { accessSync, constants, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// Where a run keeps its stores: in memory (/dev/shm) where the machine has it. A run copies a
// 39 MB PGlite folder for its server and again for each server backup, and removes them all at
// the end; on the disk that took up to 4 s a run when other work kept it busy. The faults are
// process kills, never a machine losing power, so what is on the disk at a kill is the same
// either way: the page cache outlives a killed process.

const inMemory = '/dev/shm'

function scratchRoot(): string {
  try {
    accessSync(inMemory, constants.W_OK)
    return inMemory
  } catch {
    return tmpdir()
  }
}

/** A new folder named `prefix` plus random characters, in memory when the machine allows it. */
export const scratchFolder = (prefix: string) => mkdtempSync(join(scratchRoot(), prefix))
