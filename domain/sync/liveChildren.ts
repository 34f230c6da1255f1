import type { ChildCount } from '../errors'

// A record that live records still name cannot be deleted: the PC refuses it on save, the server
// when another PC's child reached it first. Both say it in the same words.

/** "propertyObject <id> is still named by 2 propertyLease, 1 propertyCadastralCode". */
export function liveChildrenMessage(entity: string, id: string, children: readonly ChildCount[]): string {
  const named = children.map((c) => `${c.count} ${c.entity}`).join(', ')
  return `${entity} ${id} is still named by ${named}: delete or move them first`
}
