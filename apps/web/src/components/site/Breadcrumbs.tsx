import { Link } from '@/components/Link'
import { JsonLdScript } from '@/components/JsonLdScript'
import { env } from '@/env'
import { breadcrumbList, type Crumb } from '@/lib/seo/json-ld'

/** The visible trail to this page, and the same trail as BreadcrumbList JSON-LD. */
export function Breadcrumbs({ crumbs }: { crumbs: Crumb[] }) {
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumbs">
        <ol>
          {crumbs.map((crumb, index) => (
            <li key={crumb.path}>
              {index === crumbs.length - 1 ? (
                <span aria-current="page">{crumb.name}</span>
              ) : (
                <Link href={crumb.path}>{crumb.name}</Link>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <JsonLdScript data={breadcrumbList(crumbs, env.siteUrl)} />
    </>
  )
}
