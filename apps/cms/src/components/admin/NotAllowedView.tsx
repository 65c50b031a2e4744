import { Button } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'

const article = (role: string) => (/^[aeiou]/i.test(role) ? 'an' : 'a')

/**
 * Replaces Payload's "Unauthorized, you must be logged in to make this request", shown to staff
 * who are logged in but whose role may not open a screen (a marketer opening "Create new" staff
 * account): says plainly what happened, and what to do.
 */
export function NotAllowedView({ initPageResult }: AdminViewServerProps) {
  const { req, permissions } = initPageResult
  const adminRoute = req.payload.config.routes.admin
  const user = req.user as { email?: string; role?: string } | null
  if (!user) {
    return (
      <div className="not-allowed">
        <h1>Please log in</h1>
        <p>Log in to the clinic&apos;s admin to open this page.</p>
        <Button el="link" size="large" to={`${adminRoute}/login`}>
          Log in
        </Button>
      </div>
    )
  }
  const role = user.role ? user.role[0]!.toUpperCase() + user.role.slice(1) : undefined
  const noAdmin = !permissions?.canAccessAdmin
  return (
    <div className="not-allowed">
      <h1>{noAdmin ? 'Your account cannot use the admin' : 'Your account may not open that page'}</h1>
      <p>
        You are logged in as {user.email}
        {role ? ` (${article(role)} ${role})` : ''}, and {noAdmin ? 'this account has no access to the admin' : 'your role does not include that page or action'}.
        If you need it, ask an administrator to do it for you or to change your role.
      </p>
      {noAdmin ? (
        <Button el="link" size="large" to={`${adminRoute}/logout`}>
          Log out
        </Button>
      ) : (
        <Button el="link" size="large" to={adminRoute}>
          Back to the dashboard
        </Button>
      )}
    </div>
  )
}
