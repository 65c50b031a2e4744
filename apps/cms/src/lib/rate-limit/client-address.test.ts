import { beforeAll, describe, expect, it } from 'vitest'
import { clientAddress, installPeerAddressHeader, peerAddressHeader } from './client-address'

describe('clientAddress', () => {
  beforeAll(() => installPeerAddressHeader())

  const headers = (peer: string, forwarded?: string) => {
    const h = new Headers({ [peerAddressHeader]: peer })
    if (forwarded !== undefined) h.set('x-forwarded-for', forwarded)
    return h
  }

  it.each([
    ['no proxy trusted: the peer, whatever X-Forwarded-For says', headers('198.51.100.1', '203.0.113.9'), 0, '198.51.100.1'],
    ['one proxy: the last X-Forwarded-For entry (the one the proxy appended)', headers('10.0.0.2', 'spoofed, 203.0.113.9'), 1, '203.0.113.9'],
    ['two proxies: the second entry from the right', headers('10.0.0.3', 'spoofed, 203.0.113.9, 10.0.0.2'), 2, '203.0.113.9'],
    ['one proxy but no X-Forwarded-For: the peer', headers('198.51.100.1'), 1, '198.51.100.1'],
    ['more proxies trusted than entries: the peer', headers('198.51.100.1', '203.0.113.9'), 3, '198.51.100.1'],
  ])('%s', (_label, given, trusted, expected) => {
    expect(clientAddress(given, trusted)).toBe(expected)
  })
})
