import { describe, expect, it } from 'vitest'
import { clientAddress, peerAddressHeader } from './client-address'

const request = (forwarded: string | undefined, peer = '10.0.0.9') => {
  const headers = new Headers({ [peerAddressHeader]: peer })
  if (forwarded !== undefined) headers.set('x-forwarded-for', forwarded)
  return headers
}

describe('clientAddress (the source a booking rate limit counts)', () => {
  it.each([
    ['no proxy: a client-written X-Forwarded-For is ignored', request('198.51.100.7'), 0, '10.0.0.9'],
    ['no proxy, no header: the peer', request(undefined), 0, '10.0.0.9'],
    ['one proxy: the entry it appended (rightmost)', request('6.6.6.6, 198.51.100.7'), 1, '198.51.100.7'],
    ['two proxies: the second from the right', request('6.6.6.6, 198.51.100.7, 10.0.0.2'), 2, '198.51.100.7'],
    ['one proxy but no header: the peer', request(undefined), 1, '10.0.0.9'],
    ['more proxies than entries: the peer', request('198.51.100.7'), 2, '10.0.0.9'],
  ])('%s', (_what, headers, proxies, expected) => {
    expect(clientAddress(headers, proxies)).toBe(expected)
  })

  it('never trusts a peer header value it did not write: missing means unknown', () => {
    expect(clientAddress(new Headers(), 0)).toBe('unknown')
  })
})
