// Every CMS test is watched from a thread of its own: one that blocks its event loop (so vitest's
// testTimeout cannot fire) is named and its process killed instead of hanging the run. A test's budget
// is its timeout (vitest.config.ts's testTimeout unless it sets one); hooks get the longest a file
// gives its beforeAll (transfer.test.ts: 900 s).
import { watchTests } from '@clinic/test-support'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'

watchTests({ beforeAll, beforeEach, afterEach, afterAll }, { testMs: 60_000, hookMs: 900_000 })
