/**
 * What the site has noticed at run time that readiness should report (app/api/health/ready). Kept in
 * this process only: each site instance reports what it saw itself.
 */
const state = { bookingKeyRefusedAt: 0 }

/** The CMS refused the booking form's API key (401/403). */
export function noteBookingKeyRefused(): void {
  state.bookingKeyRefusedAt = Date.now()
}

/** The CMS accepted the booking form's API key again. */
export function noteBookingKeyAccepted(): void {
  state.bookingKeyRefusedAt = 0
}

export function bookingKeyRefused(): boolean {
  return state.bookingKeyRefusedAt > 0
}
