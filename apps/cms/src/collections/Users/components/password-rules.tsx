import { passwordRules } from '../password-policy'

/** The password policy, shown on every account form next to the password fields. */
export function PasswordRules() {
  return <p className="field-description" style={{ marginBottom: 'var(--base)' }}>{`Passwords: ${passwordRules}`}</p>
}
