import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { SessionUser } from '../../../domain/auth/schemas'
import { api } from '../api/api'
import { initialFilters, setListFilters } from '../property/list/listFilters'
import { unwrap } from './apiFailure'
import { sessionKey } from './sessionKey'

const sessionQuery = queryOptions({
  queryKey: sessionKey,
  queryFn: () => unwrap(api.auth.session({})),
  staleTime: Number.POSITIVE_INFINITY,
})

/** The signed-in user, restored from the backend after a reload; null when nobody is signed in. */
export const useSession = () => useQuery(sessionQuery)

export function useSignIn() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: { username: string; password: string }) => unwrap(api.auth.signIn(input)),
    onSuccess: (user) => client.setQueryData<SessionUser | null>(sessionKey, user),
  })
}

export function useChangePassword() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      unwrap(api.auth.changePassword(input)),
    onSuccess: (user) => client.setQueryData<SessionUser | null>(sessionKey, user),
  })
}

/** Signs out and forgets every cached answer, so the next user sees nothing of the last one's. */
export function useSignOut() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => unwrap(api.auth.signOut({})),
    onSettled: () => {
      // The session first, so the screens holding user data unmount, then everything else cached.
      client.setQueryData<SessionUser | null>(sessionKey, null)
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] })
      setListFilters(initialFilters)
    },
  })
}
