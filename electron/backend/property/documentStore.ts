import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Scanned documents on this PC's disk, named by the SHA-256 of their content, so a file stored twice
 * takes its space once and a damaged file is detected on read.
 */
export class DocumentStore {
  constructor(private readonly folder: string) {}

  private pathOf(sha256: string): string {
    return join(this.folder, sha256.slice(0, 2), sha256)
  }

  put(content: Buffer): { sha256: string; sizeBytes: number } {
    const sha256 = createHash('sha256').update(content).digest('hex')
    const target = this.pathOf(sha256)
    if (!existsSync(target)) {
      mkdirSync(join(this.folder, sha256.slice(0, 2)), { recursive: true })
      const temporary = `${target}.${randomBytes(6).toString('hex')}.part`
      writeFileSync(temporary, content, { flush: true })
      renameSync(temporary, target)
    }
    return { sha256, sizeBytes: content.length }
  }

  /** The content, or null when missing or not matching its hash. */
  get(sha256: string): Buffer | null {
    if (!/^[0-9a-f]{64}$/.test(sha256)) return null
    const target = this.pathOf(sha256)
    if (!existsSync(target)) return null
    const content = readFileSync(target)
    return createHash('sha256').update(content).digest('hex') === sha256 ? content : null
  }
}
