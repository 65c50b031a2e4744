import { afterEach, describe, expect, test, vi } from 'vitest'

// SITE_INSTANCE_ADDRESS: the address this instance's front cache refreshes name (deploy/nginx).
const load = async (vars: Record<string, string | undefined>) => {
  vi.resetModules()
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value)
  return (await import('./env.mjs')).env
}

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('SITE_INSTANCE_ADDRESS', () => {
  test('defaults to 127.0.0.1 and the port `next start` serves on', async () => {
    expect((await load({ SITE_INSTANCE_ADDRESS: undefined, PORT: '3002' })).siteInstanceAddress).toBe('127.0.0.1:3002')
  })

  test('is taken as set, for instances on several hosts', async () => {
    expect((await load({ SITE_INSTANCE_ADDRESS: ' 10.0.0.12:3000 ', PORT: '3000' })).siteInstanceAddress).toBe('10.0.0.12:3000')
    expect((await load({ SITE_INSTANCE_ADDRESS: 'web-2.internal:3000' })).siteInstanceAddress).toBe('web-2.internal:3000')
  })

  test('a value that is not host:port stops the start with a message naming the variable', async () => {
    await expect(load({ SITE_INSTANCE_ADDRESS: 'http://10.0.0.12:3000' })).rejects.toThrow(/SITE_INSTANCE_ADDRESS: must be host:port as the front cache lists this instance/)
  })
})
