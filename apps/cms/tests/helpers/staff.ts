export type StaffRole = 'admin' | 'editor' | 'marketer'

/** Accounts the suite creates on its throwaway databases. */
export const staffAccounts: Record<StaffRole, { email: string; password: string }> = {
  admin: { email: 'admin@test.example', password: 'admin-password-123' },
  editor: { email: 'editor@test.example', password: 'editor-password-123' },
  marketer: { email: 'marketer@test.example', password: 'marketer-password-123' },
}
