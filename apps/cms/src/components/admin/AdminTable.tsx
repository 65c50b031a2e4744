import type { ReactNode } from 'react'

/** One column of an admin table: its header, what each row shows in it, and where that cell links to. */
export type AdminTableColumn<Row> = {
  header: string
  cell: (row: Row) => ReactNode
  /** Wraps the cell in a link to this address (the row's document). */
  href?: (row: Row) => string
  /** The cell that names the row: a `<th scope="row">`, so screen readers announce it with each cell. */
  rowHeader?: boolean
}

/**
 * The admin's one table ("What is going out", "Medical reviews due"): a caption, column headers,
 * one row per item with a link to its document, and an empty state in words (a status message)
 * when there is nothing to list.
 */
export function AdminTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  className,
}: {
  caption: ReactNode
  columns: (AdminTableColumn<Row> | false | null | undefined)[]
  rows: Row[]
  rowKey: (row: Row) => string
  /** What an empty list says: the table is not drawn at all then. */
  empty: ReactNode
  /** A modifier for the view's own styles (the shared look is `.admin-table`). */
  className?: string
}) {
  if (rows.length === 0) {
    return (
      <p role="status" className="admin-table__empty">
        {empty}
      </p>
    )
  }
  const shown = columns.filter((column): column is AdminTableColumn<Row> => Boolean(column))
  return (
    <table className={className ? `admin-table ${className}` : 'admin-table'}>
      <caption className="admin-table__caption">{caption}</caption>
      <thead>
        <tr>
          {shown.map((column) => (
            <th key={column.header} scope="col">
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {shown.map((column) => {
              const content = column.href ? <a href={column.href(row)}>{column.cell(row)}</a> : column.cell(row)
              return column.rowHeader ? (
                <th key={column.header} scope="row">
                  {content}
                </th>
              ) : (
                <td key={column.header}>{content}</td>
              )
            })}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
