import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { overviewQuery } from './syncQueries'

/**
 * When the PC has received changes from the server (another PC's edit, a bootstrap), every screen's
 * data reloads, so a clerk never looks at a list the background sync has already moved past.
 */
export function useReloadOnRemoteChanges(receivedSeq: number | undefined): void {
  const client = useQueryClient()
  const seen = useRef<number | undefined>(undefined)
  useEffect(() => {
    if (receivedSeq === undefined) return
    const before = seen.current
    seen.current = receivedSeq
    if (before === undefined || before === receivedSeq) return
    const overviewKey = JSON.stringify(overviewQuery.queryKey)
    void client.invalidateQueries({ predicate: (q) => JSON.stringify(q.queryKey) !== overviewKey })
  }, [client, receivedSeq])
}
