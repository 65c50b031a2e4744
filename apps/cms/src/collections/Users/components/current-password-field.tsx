'use client'
import { FieldDescription, PasswordField } from '@payloadcms/ui'
import type { TextFieldClientComponent } from 'payload'

/**
 * The "current password" box on one's own account: a masked input the browser's password manager
 * recognises. Whether it is needed is decided on the server (only to change email or password).
 */
export const CurrentPasswordField: TextFieldClientComponent = ({ field, path }) => {
  const description = field.admin?.description
  return (
    <div>
      <PasswordField autoComplete="current-password" field={field} path={path ?? field.name} validate={() => true} />
      {typeof description === 'string' ? <FieldDescription description={description} path={path ?? field.name} /> : null}
    </div>
  )
}
