'use client'

/** Opens the browser's print dialog; the print stylesheet fits the exercise on one sheet. */
export function PrintButton({ label = 'Print this exercise' }: { label?: string }) {
  return (
    <button type="button" className="button button--secondary print-button no-print" onClick={() => window.print()}>
      {label}
    </button>
  )
}
