/** The clinic's medical disclaimer, shown wherever health content is. */
export function MedicalDisclaimer({ text }: { text: string | undefined }) {
  if (!text) return null
  return (
    <aside className="disclaimer" aria-label="Medical disclaimer">
      <p>
        <strong>Medical disclaimer.</strong> {text}
      </p>
    </aside>
  )
}
