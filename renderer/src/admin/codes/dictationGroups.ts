/**
 * A code split into groups of three or four characters, the way a person reads it out over the
 * phone and the other one types it ("4827 1935 62"); the groups are shown apart, never joined by
 * spaces, so a copied code stays exact.
 */
export function dictationGroups(code: string): string[] {
  const size = code.length % 4 === 0 || code.length > 12 ? 4 : 3
  const groups: string[] = []
  for (let i = 0; i < code.length; i += size) groups.push(code.slice(i, i + size))
  return groups
}
