/**
 * Opens the browser's print dialog; the print stylesheet fits the exercise on one sheet.
 *
 * Not a client component: the page's framework scripts load after the page has
 * (src/lib/html/defer-app-scripts.mjs), and a button must work as soon as it can be seen. The
 * inline script beside it wires the click while the page is parsed, so it needs no hydration.
 */
export function PrintButton({ label = 'Print this exercise' }: { label?: string }) {
  return (
    <>
      <button type="button" className="button button--secondary print-button no-print">
        {label}
      </button>
      <script
        dangerouslySetInnerHTML={{
          __html: 'document.currentScript.previousElementSibling.addEventListener("click",function(){window.print()})',
        }}
      />
    </>
  )
}
