// The unit tests' watchdog (see tests/watchdog.setup.ts): vitest's default 5 s per test, 60 s for hooks.
import { watchTests } from '@clinic/test-support'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'

watchTests({ beforeAll, beforeEach, afterEach, afterAll }, { testMs: 5_000, hookMs: 60_000 })
