import type { FieldVersions } from '../../domain/sync/protocol'

/**
 * A row's `field_versions` as the sync reads it. Only server sequence numbers count: anything else
 * (the HLC strings rows carried before the protocol's convention) reads as "no known version".
 */
export function parseFieldVersions(text: unknown): FieldVersions {
  if (typeof text !== 'string') return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return {}
  }
  if (parsed === null || typeof parsed !== 'object') return {}
  const out: FieldVersions = {}
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) out[key] = value
  }
  return out
}

/** The server version of `field`: its own entry, else the row's "*" (null: never confirmed). */
export function versionOf(versions: FieldVersions, field: string): number | null {
  return versions[field] ?? versions['*'] ?? null
}
