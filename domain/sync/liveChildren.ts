import type { ChildCount } from '../errors'

// A record that live records still name cannot be deleted: the PC refuses it on save, the server
// when another PC's child reached it first. Both say it in the same words.

/**
 * "propertyObject <id> is still named by 2 propertyLease, 1 propertyCadastralCode". With
 * `othersUnseen`, live records the user may not read also name it: they are said to exist, neither
 * their kind nor their count (a department's records are not counted for someone outside it).
 */
export function liveChildrenMessage(
  entity: string,
  id: string,
  children: readonly ChildCount[],
  othersUnseen = false,
): string {
  const named = [
    ...children.map((c) => `${c.count} ${c.entity}`),
    ...(othersUnseen ? ['records you may not read'] : []),
  ].join(', ')
  return `${entity} ${id} is still named by ${named}: delete or move them first`
}
