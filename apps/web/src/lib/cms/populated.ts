/**
 * Relationship fields come back as the related document when it was populated (and readable)
 * or as a bare id when it was not, e.g. because the related document is unpublished.
 */
export function populated<T extends { id: number | string }>(value: number | string | T | null | undefined): T | undefined {
  return typeof value === 'object' && value !== null ? value : undefined
}

/** The populated documents of a has-many relationship, in order, skipping unreadable ones. */
export function populatedList<T extends { id: number | string }>(values: (number | string | T)[] | null | undefined): T[] {
  return (values ?? []).flatMap((value) => {
    const doc = populated(value)
    return doc ? [doc] : []
  })
}
