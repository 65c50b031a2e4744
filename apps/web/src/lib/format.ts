/** Formatting for prices, durations and dates as visitors read them. */

const currencyByCountry: Record<string, string> = { CA: 'CAD', US: 'USD', GB: 'GBP', AU: 'AUD', NZ: 'NZD', IE: 'EUR' }

/** The currency prices are shown in: the clinic's country decides it (site settings have no currency field). */
export function currencyFor(country: string | undefined): string {
  return (country && currencyByCountry[country.toUpperCase()]) || 'USD'
}

export function formatPrice(amount: number, currency: string): string {
  return new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).format(amount)
}

/** "10 November 2026", fixed to UTC so server and reader agree. */
export function formatDate(iso: string | null | undefined): string | undefined {
  if (!iso) return undefined
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return undefined
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date)
}

export const pressureLabels = {
  light: 'Light',
  medium: 'Medium',
  firm: 'Firm',
  deep: 'Deep',
  adjustable: 'Adjustable to you',
} as const

export const difficultyLabels = { beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced' } as const

/** "Monday–Thursday" for consecutive days, "Monday, Wednesday" otherwise. */
export function formatDays(days: readonly string[]): string {
  const order = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
  const sorted = [...days].sort((a, b) => order.indexOf(a) - order.indexOf(b))
  const consecutive = sorted.every((day, i) => i === 0 || order.indexOf(day) === order.indexOf(sorted[i - 1]!) + 1)
  if (sorted.length > 2 && consecutive) return `${sorted[0]}–${sorted[sorted.length - 1]}`
  return sorted.join(', ')
}
