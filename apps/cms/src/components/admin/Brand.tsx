import type { Payload } from 'payload'

/** Shown when Site settings has no name yet (a fresh install). */
const fallbackName = 'Clinic'

/** The clinic's name from Site settings (read as the system: it is public on the site anyway). */
async function clinicName(payload: Payload | undefined): Promise<string> {
  if (!payload) return fallbackName
  try {
    const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0, select: { clinicName: true } })
    const name = (settings as { clinicName?: unknown }).clinicName
    return typeof name === 'string' && name.trim() ? name.trim() : fallbackName
  } catch {
    return fallbackName
  }
}

/** The clinic's mark: a leaf over an open hand, in the site's brand colour (also public/clinic-icon.svg). */
function Mark({ size }: { size: number }) {
  return (
    <svg className="clinic-brand__mark" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#2c5a4d" />
      <path d="M16 6c5 3 7 8 4.5 12.5-1.4 2.4-3.4 3.3-4.5 3.5-1.1-.2-3.1-1.1-4.5-3.5C9 14 11 9 16 6z" fill="#fff" />
      <path d="M16 9v12" stroke="#2c5a4d" strokeWidth="1.4" strokeLinecap="round" />
      <path d="M7 22.5c3 2.6 6 3.5 9 3.5s6-.9 9-3.5" stroke="#fff" strokeWidth="2" fill="none" strokeLinecap="round" />
    </svg>
  )
}

/** `admin.components.graphics.Logo`: the login and account pages show the clinic's mark and name. */
export async function ClinicLogo({ payload }: { payload?: Payload }) {
  const name = await clinicName(payload)
  return (
    <span className="clinic-brand clinic-brand--logo">
      <Mark size={48} />
      <span className="clinic-brand__name">{name}</span>
    </span>
  )
}

/** `admin.components.graphics.Icon`: the clinic's mark at the top of the side menu. */
export function ClinicIcon() {
  return (
    <span className="clinic-brand clinic-brand--icon" title="Clinic admin">
      <Mark size={18} />
    </span>
  )
}

/** `admin.components.beforeLogin`: says whose admin this is and who it is for. */
export async function ClinicBeforeLogin({ payload }: { payload?: Payload }) {
  const name = await clinicName(payload)
  return (
    <p className="clinic-before-login">
      Staff sign-in for the {name} website. Clinic staff only: ask an administrator for an account.
    </p>
  )
}
