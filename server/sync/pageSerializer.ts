import type { PageCheck } from '../../domain/sync/pageChecks'

/**
 * The serializer of a route that answers with a pull or snapshot page. The app's zod serializer
 * walked every row of every page (half of the server's work in a bootstrap); a page is checked here
 * by the PC's own hand-written check of the same protocol rules (domain/sync/pageChecks.ts, held to
 * zod's verdict by its tests), so a page the server should not send still fails (500, as the zod
 * serializer's error does), and is then written as it is.
 */
export function pageSerializer(check: (page: unknown) => PageCheck<unknown>) {
  return ({ method, url }: { method: string; url: string }) =>
    (page: unknown): string => {
      const checked = check(page)
      if (!checked.success) {
        throw new Error(`The answer to ${method} ${url} breaks the protocol: ${checked.error.message}`)
      }
      return JSON.stringify(page)
    }
}
