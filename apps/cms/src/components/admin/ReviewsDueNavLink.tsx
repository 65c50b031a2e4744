import Link from 'next/link'

/** A link in the admin's side menu to the list of medical reviews that are due. */
export function ReviewsDueNavLink() {
  return (
    <Link href="/admin/reviews-due" className="nav__link reviews-due-nav-link">
      <span className="nav__link-label">Medical reviews due</span>
    </Link>
  )
}
