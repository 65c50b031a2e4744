/** The password policy, checked on the server whenever a password is set (create, update, reset). */
export const minPasswordLength = 12

/** What staff read next to the password field. */
export const passwordRules =
  `At least ${minPasswordLength} characters, not your email address and not a well-known password. ` +
  'A few unrelated words make a good one.'

// Passwords that appear at the top of every leaked-password list, and ones a clinic would reach for.
// Anything under 12 characters is refused by length already; these are the longer ones.
const commonPasswords = new Set([
  '123456789012',
  '1234567890123',
  'qwertyuiopasdf',
  'qwertyuiop123',
  'password1234',
  'password12345',
  'password123456',
  'passwordpassword',
  'password!123',
  'iloveyou1234',
  'administrator',
  'administrator1',
  'letmein12345',
  'welcome12345',
  'welcome123456',
  'changeme1234',
  'changemenow!',
  'trustno1trustno1',
  'abcdefghijkl',
  'abc123abc123',
  'aaaaaaaaaaaa',
  '111111111111',
  '000000000000',
  'qwerty123456',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'zaq12wsxcde3',
  'superman1234',
  'football1234',
  'baseball1234',
  'sunshine1234',
  'princess1234',
  'dragon123456',
  'monkey123456',
  'masterkey123',
  'correcthorsebatterystaple',
  'massage12345',
  'massagetherapy',
  'massagetherapist',
  'clinic123456',
  'willowbank123',
  'willowbankclinic',
])

/** Why a password cannot be used, in words for the person choosing it; undefined if it is fine. */
export function passwordProblem(password: string, email?: string | null): string | undefined {
  if (password.length < minPasswordLength) {
    return `The password is too short: use at least ${minPasswordLength} characters (it has ${password.length}).`
  }
  const lower = password.toLowerCase()
  const address = (email ?? '').toLowerCase().trim()
  if (address && (lower === address || lower === address.split('@')[0] || lower.includes(address))) {
    return 'The password must not be your email address. Choose something else.'
  }
  if (commonPasswords.has(lower) || /^(.)\1+$/.test(password)) {
    return 'That password is on lists attackers try first. Choose something less common.'
  }
  return undefined
}
