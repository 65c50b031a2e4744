// Every site unit test is watched from a thread of its own: one that blocks its event loop (so
// vitest's testTimeout cannot fire) is named and its process killed instead of hanging the run.
// A test's budget is its own timeout (vitest's default 5 s unless it sets one); hooks get 60 s.
import { watchTests } from '@clinic/test-support'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'

watchTests({ beforeAll, beforeEach, afterEach, afterAll }, { testMs: 5_000, hookMs: 60_000 })
