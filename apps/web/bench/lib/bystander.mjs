// The "bystander under flood" visitor (bench/modules/flood.mjs), in a process of its own: a visitor
// does not share the flooding client's event loop. In the flood's process, its requests waited
// behind the client's own work (opening 48-200 connections from as many addresses, reading their
// answers): 175-250 ms at the start of a 404 flood that a bystander in its own process, asking the
// same server at the same time, saw as 30-90 ms.
//
// Forked with IPC: `node bystander.mjs <url>`. It opens its keep-alive connection with one request
// (not counted), says `ready`, and on `start` asks for the URL one request at a time, 25 ms apart,
// until `stop`; then it sends the times (ms, Infinity for a failure, as null in JSON) and exits.
import http from 'node:http'

const [target] = process.argv.slice(2)
const timeoutMs = 30_000
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })

function get(url) {
  return new Promise((resolve) => {
    const started = performance.now()
    const request = http.get(url, { agent, timeout: timeoutMs }, (response) => {
      response.on('data', () => {})
      response.on('end', () => resolve(response.statusCode === 200 ? performance.now() - started : Infinity))
      response.on('error', () => resolve(Infinity))
    })
    request.on('timeout', () => request.destroy(new Error('timeout')))
    request.on('error', () => resolve(Infinity))
  })
}

let running = false
let stopped = false
const times = []

process.on('message', async (message) => {
  if (message === 'start' && !running) {
    running = true
    while (!stopped) {
      times.push(await get(target))
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    agent.destroy()
    process.send({ times: times.map((ms) => (Number.isFinite(ms) ? ms : null)) }, () => process.exit(0))
  } else if (message === 'stop') {
    stopped = true
    if (!running) process.exit(0)
  }
})
// Gone with the bench.
process.on('disconnect', () => process.exit(0))

await get(target)
process.send('ready')
