/**
 * One line that says which document of a transfer file could not be written, which field, and why:
 * what a person needs to fix the file (or the target) and try again. Never a stack trace.
 */
export class ImportDocumentError extends Error {
  constructor(
    readonly where: string,
    readonly field: string | undefined,
    readonly why: string,
  ) {
    super(`${where}${field ? `, field "${field}"` : ''}: ${why}`)
    this.name = 'ImportDocumentError'
  }
}

function* chain(error: unknown): Generator<Record<string, unknown>> {
  let current: unknown = error
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth += 1) {
    yield current as Record<string, unknown>
    current = (current as { cause?: unknown }).cause
  }
}

const firstLine = (text: string) => text.split('\n')[0]!.trim()

/** The field and the reason a database (or Payload) gave for refusing a write. */
export function explainWriteError(error: unknown): { field?: string; why: string } {
  for (const e of chain(error)) {
    const message = typeof e.message === 'string' ? e.message : ''
    // SQLite: "UNIQUE constraint failed: pages.slug", "NOT NULL constraint failed: pages.title"
    const sqlite = /(UNIQUE|NOT NULL|CHECK|FOREIGN KEY) constraint failed(?::\s*([\w.]+(?:,\s*[\w.]+)*))?/.exec(message)
    if (sqlite) {
      const columns = (sqlite[2] ?? '').split(',').map((column) => column.trim().split('.').pop()!).filter(Boolean)
      const kind = sqlite[1]!
      const why =
        kind === 'UNIQUE'
          ? 'the value is already used by another document of the file (it must be unique)'
          : kind === 'NOT NULL'
            ? 'the value is missing (it is required)'
            : kind === 'FOREIGN KEY'
              ? 'it points at a document that does not exist'
              : `the value breaks a ${kind} rule`
      return { field: columns.join(', ') || undefined, why }
    }
    // MongoDB: E11000 duplicate key error ... dup key: { slug: "x" }
    const keyValue = e.keyValue as Record<string, unknown> | undefined
    if (e.code === 11000 || /E11000/.test(message)) {
      const field = keyValue ? Object.keys(keyValue).join(', ') : /dup key: \{\s*"?(\w+)"?/.exec(message)?.[1]
      const value = keyValue ? Object.values(keyValue).map((v) => JSON.stringify(v)).join(', ') : undefined
      return { field, why: `the value${value ? ` ${value}` : ''} is already used by another document of the file (it must be unique)` }
    }
    // Payload's ValidationError: data.errors [{ path, message }]
    const data = e.data as { errors?: { path?: string; message?: string }[] } | undefined
    if (Array.isArray(data?.errors) && data.errors.length > 0) {
      const [first] = data.errors
      return { field: first?.path, why: first?.message ?? firstLine(message) }
    }
  }
  const message = error instanceof Error ? error.message : String(error)
  return { why: firstLine(message) || 'the database refused the write' }
}

/** Names a document of the file: its collection, its id in the file, and its slug when it has one. */
export function describeDocument(collection: string, doc: { id?: unknown; slug?: unknown }, kind = ''): string {
  const slug = typeof doc.slug === 'string' && doc.slug ? ` (slug "${doc.slug}")` : ''
  return `${collection}${kind ? ` ${kind}` : ''} ${String(doc.id)}${slug}`
}

/**
 * Runs one write of the import; its failure names the document, the field and why. `uniqueFields`
 * (the collection's unique fields this document fills) name the field when the database reports a
 * duplicate without saying which key (FerretDB does).
 */
export async function writing<T>(where: string, write: () => Promise<T>, uniqueFields: string[] = []): Promise<T> {
  try {
    return await write()
  } catch (error) {
    if (error instanceof ImportDocumentError) throw error
    const { field, why } = explainWriteError(error)
    const guessed = !field && /unique/i.test(why) && uniqueFields.length === 1 ? uniqueFields[0] : undefined
    throw new ImportDocumentError(where, field || guessed, why)
  }
}

/** An import that stopped: why (one line), and whether everything it wrote was rolled back. */
export class ImportFailedError extends Error {
  constructor(
    cause: unknown,
    readonly rolledBack: boolean,
  ) {
    super(firstLine(cause instanceof Error ? cause.message : String(cause)))
    this.name = 'ImportFailedError'
  }
}
