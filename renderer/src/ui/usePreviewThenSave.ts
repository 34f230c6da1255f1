import { useEffect, useState } from 'react'

interface WatchedForm {
  watch(callback: () => void): { unsubscribe(): void }
}

/**
 * The values a form last had checked by the backend, with its answer. Any change to the form drops
 * them, so what is then saved is exactly what was shown.
 */
function usePreviewedValues<V, R>(form: WatchedForm) {
  const [previewed, setPreviewed] = useState<{ values: V; result: R } | null>(null)
  useEffect(() => {
    const subscription = form.watch(() => setPreviewed(null))
    return () => subscription.unsubscribe()
  }, [form])
  return [previewed, setPreviewed] as const
}

/**
 * A form that is checked by the backend before it is saved: `preview` asks for the backend's answer
 * and keeps it with the values; `confirm` saves exactly those values, then hands on the new record's
 * id (a long write goes on in the background under it) and closes. Both go through `run`, the form's
 * server-error handling (useServerSubmit).
 */
export function usePreviewThenSave<V, R>(options: {
  form: WatchedForm
  run: (action: () => Promise<unknown>) => Promise<boolean>
  preview: (values: V) => Promise<R>
  save: (values: V) => Promise<{ id: string }>
  onSaved: (id: string) => void
  onDone: () => void
}) {
  const [previewed, setPreviewed] = usePreviewedValues<V, R>(options.form)
  const preview = (values: V) =>
    options.run(async () => setPreviewed({ values, result: await options.preview(values) }))
  const confirm = async () => {
    if (!previewed) return
    let id: string | null = null
    if (await options.run(async () => (id = (await options.save(previewed.values)).id))) {
      if (id) options.onSaved(id)
      options.onDone()
    }
  }
  return { previewed, preview, confirm }
}
