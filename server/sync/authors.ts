import { inArray } from 'drizzle-orm'
import { loadUserAccess } from '../auth/requestAuth'
import type { ServerContext, UserAuth } from '../context'
import { users } from '../db/schema'

/** Who made a pushed change: their current access (null when deactivated) and their name. */
export interface Author {
  access: UserAuth | null
  /** Null when no such user was ever created. */
  name: string | null
}

/**
 * The authors of a batch, loaded once before its transaction: their rights as they are when the
 * batch is applied, which is what a push is checked against (research/sync.md 6.8).
 */
export async function loadAuthors(
  ctx: ServerContext,
  userIds: readonly string[],
): Promise<Map<string, Author>> {
  const unique = [...new Set(userIds)]
  const authors = new Map<string, Author>()
  if (unique.length === 0) return authors
  const names = await ctx.db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, unique))
  const nameOf = new Map(names.map((n) => [n.id, n.name]))
  for (const id of unique) {
    const access = nameOf.has(id) ? await loadUserAccess(ctx, id) : null
    authors.set(id, { access, name: nameOf.get(id) ?? null })
  }
  return authors
}
