/**
 * The oldest app version the server still syncs with. Raised when a release changes what PCs must
 * understand; until the release feed owns it, it lives here.
 */
export const MIN_APP_VERSION = '0.1.0'

/** Compares dotted numeric versions (`0.10.2` > `0.9.9`); a pre-release suffix is ignored. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) =>
    v
      .split(/[-+]/)[0]!
      .split('.')
      .map((p) => Number.parseInt(p, 10) || 0)
  const pa = parts(a)
  const pb = parts(b)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d !== 0) return d < 0 ? -1 : 1
  }
  return 0
}
