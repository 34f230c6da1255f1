import { useEffect, useState } from 'react'

interface WatchedForm {
  watch(callback: () => void): { unsubscribe(): void }
}

/**
 * The values a form last had checked by the backend, with its answer. Any change to the form drops
 * them, so what is then saved is exactly what was shown.
 */
export function usePreviewedValues<V, R>(form: WatchedForm) {
  const [previewed, setPreviewed] = useState<{ values: V; result: R } | null>(null)
  useEffect(() => {
    const subscription = form.watch(() => setPreviewed(null))
    return () => subscription.unsubscribe()
  }, [form])
  return [previewed, setPreviewed] as const
}
