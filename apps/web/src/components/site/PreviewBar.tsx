/** Shown in draft mode, so an editor never mistakes a preview for the live site. */
export function PreviewBar() {
  return (
    <aside className="preview-bar" aria-label="Preview mode">
      <p className="container">
        <strong>Preview:</strong> you are seeing unpublished changes. Visitors do not see this version.{' '}
        {/* A plain link (not next/link): leaving preview must reload the page outside draft mode. */}
        <a href="/api/exit-preview">Leave preview</a>
      </p>
    </aside>
  )
}
