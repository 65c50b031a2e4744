import { createServer } from 'node:http'
import type { ReceivedEmail, TestSmtpServer } from '@clinic/test-support'
import { freePort, waitFor } from './servers'

/** Serves what the test SMTP server received as JSON, for specs that run in other processes. */
export async function serveMailbox(smtp: TestSmtpServer): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(JSON.stringify(smtp.messages))
  })
  const port = await freePort()
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** Waits for an email the CMS sent that matches `predicate`. */
export async function waitForEmail(mailboxUrl: string, predicate: (message: ReceivedEmail) => boolean, description: string): Promise<ReceivedEmail> {
  return waitFor(
    async () => {
      const messages = (await (await fetch(mailboxUrl)).json()) as ReceivedEmail[]
      return messages.find(predicate)
    },
    { timeout: 30_000, interval: 300, message: `No email arrived: ${description}` },
  )
}
