import { isIP } from 'node:net'

/**
 * One key per source, for every limit that counts per visitor (the CMS's login throttling, the
 * site's booking limits): IPv4 addresses as they are, IPv6 addresses by their /64 (one customer's
 * allocation, which a single visitor can cycle through freely), IPv4-mapped IPv6 as the IPv4.
 * Server-only (node:net): imported as `@clinic/cms-types/source-key`, never from the index.
 */
export function sourceKey(address: string): string {
  const bare = address.trim().replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)
  if (mapped) return mapped[1]!
  if (isIP(bare) === 4) return bare
  if (isIP(bare) !== 6) return 'unknown'
  const [head = '', tail = ''] = bare.toLowerCase().split('::')
  const headGroups = head ? head.split(':') : []
  const tailGroups = bare.includes('::') && tail ? tail.split(':') : []
  const missing = 8 - headGroups.length - tailGroups.length
  const groups = bare.includes('::') ? [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups] : headGroups
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`
}
