import { describe, expect, it } from 'vitest'
import { sourceKey } from './source-key'

describe('sourceKey (what the login and booking limits count a source by)', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    [' 203.0.113.7 ', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::99', '2001:db8:1:2::/64'],
    ['2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:db8:1:2::/64'],
    ['[2001:0db8:0001:0002::1]', '2001:db8:1:2::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['not an address', 'unknown'],
    ['', 'unknown'],
  ])('%s → %s', (address, key) => {
    expect(sourceKey(address)).toBe(key)
  })

  it('one /64 is one source, whichever of its 2^64 addresses a visitor uses', () => {
    const keys = new Set(Array.from({ length: 50 }, (_, i) => sourceKey(`2001:db8:aa:bb:${i.toString(16)}:1:2:3`)))
    expect([...keys]).toEqual(['2001:db8:aa:bb::/64'])
  })
})
