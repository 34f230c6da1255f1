/**
 * The call that saves a reference item's form: a new item is created with its code; a saved one is
 * updated by id and version, its code left as it is.
 */
export function referenceSave<V extends { code: string }, C, U>(
  item: { id: string; version: number } | undefined,
  values: V,
  create: (input: V) => Promise<C>,
  update: (input: Omit<V, 'code'> & { id: string; version: number }) => Promise<U>,
): () => Promise<C | U> {
  if (!item) return () => create(values)
  const { code: _code, ...fields } = values
  return () => update({ id: item.id, version: item.version, ...fields })
}
