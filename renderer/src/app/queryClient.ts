import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { hasCode } from './apiFailure'
import { sessionKey } from './sessionKey'

/**
 * One client for the window. Errors are coded values, so retrying them would only repeat the same
 * answer; a call refused for want of a session sends the clerk back to the sign-in screen.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => onAnyError(error) }),
    mutationCache: new MutationCache({ onError: (error) => onAnyError(error) }),
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 15_000 },
      mutations: { retry: false },
    },
  })
  const onAnyError = (error: unknown) => {
    if (hasCode(error, 'UNAUTHENTICATED')) client.setQueryData(sessionKey, null)
    if (hasCode(error, 'PASSWORD_CHANGE_REQUIRED')) void client.invalidateQueries({ queryKey: sessionKey })
  }
  return client
}
