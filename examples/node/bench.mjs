// Measures the Node binding (prints numbers; asserts nothing):
//   node examples/node/bench.mjs            # per-call overhead and batch throughput
//   node examples/node/bench.mjs --server   # requests/s of POST /eligibility on loopback
//
// 1. checkIdentifier(kind, text) against native callJson with pre-built JSON text: the
//    difference is what the JavaScript layer (argument checks, JSON.stringify, JSON.parse of
//    the envelope) costs per call.
// 2. checkEligibilityMany(records) against a loop of JSON.stringify + one native call each.
// 3. --server: the Fastify example in this process, a keep-alive node:http client with 32
//    connections in a child process, for 5 s.
import { readFileSync } from 'node:fs'
import { fork } from 'node:child_process'
import http from 'node:http'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import * as ctpat from '../../bindings-node/ctpat.mjs'

const require = createRequire(import.meta.url)
const native = require('../../bindings-node/index.js')
const fixture = JSON.parse(readFileSync(new URL('../../tests/fixtures/eligibility/importer.json', import.meta.url), 'utf8'))
const { partner, as_of: asOf } = fixture.cases[0].call

/** Runs `fn` repeatedly for about `ms` milliseconds; returns microseconds per run. */
function perRun(fn, ms = 1000) {
  for (let i = 0; i < 1000; i++) fn()
  let runs = 0
  const started = performance.now()
  while (performance.now() - started < ms) {
    for (let i = 0; i < 100; i++) fn()
    runs += 100
  }
  return ((performance.now() - started) * 1000) / runs
}

/** The best of `rounds` alternating runs of each function: the least disturbed by other load. */
function best(fns, rounds = 5) {
  const times = fns.map(() => Infinity)
  for (let r = 0; r < rounds; r++) fns.forEach((fn, i) => (times[i] = Math.min(times[i], perRun(fn, 300))))
  return times
}

function overhead() {
  const text = JSON.stringify({ kind: 'scac', text: 'QWRT' })
  const [raw, typed] = best([() => native.callJson('check_identifier', text), () => ctpat.checkIdentifier('scac', 'QWRT')])
  console.log(`checkIdentifier            ${typed.toFixed(2)} µs/call`)
  console.log(`native callJson (prebuilt) ${raw.toFixed(2)} µs/call`)
  console.log(`JS layer overhead          ${(typed - raw).toFixed(2)} µs/call (${((typed / raw - 1) * 100).toFixed(0)}%)`)
}

function throughput(n = 20000) {
  const records = Array.from({ length: n }, (_, i) => ({ ...partner, legal_name: `Importer ${i}` }))
  // Best of three runs each, alternating, after one warm-up run.
  const time = (fn) => {
    let out = fn()
    let ms = Infinity
    for (let r = 0; r < 3; r++) {
      const started = performance.now()
      out = fn()
      ms = Math.min(ms, performance.now() - started)
    }
    return [ms, out]
  }
  const [batchMs, batch] = time(() => ctpat.checkEligibilityMany(records, { asOf }))
  const [loopMs, loop] = time(() =>
    records.map((p) => JSON.parse(native.callJson('check_eligibility', JSON.stringify({ partner: p, as_of: asOf }))).value),
  )
  if (batch.length !== loop.length || batch[n - 1].outcome !== loop[n - 1].outcome) throw new Error('answers differ')
  console.log(`checkEligibilityMany       ${n} partners in ${batchMs.toFixed(0)} ms = ${((n / batchMs) * 1000).toFixed(0)} /s`)
  console.log(`stringify + callJson loop  ${n} partners in ${loopMs.toFixed(0)} ms = ${((n / loopMs) * 1000).toFixed(0)} /s`)
  console.log(`batch / loop throughput    ${(loopMs / batchMs).toFixed(2)}x`)
}

const SECONDS = 5
const CONNECTIONS = 32

/** The client side of --server (runs in a child process). */
async function client(url, body) {
  const target = new URL(url)
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS })
  const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
  const once = () =>
    new Promise((resolve, reject) => {
      const req = http.request({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers }, (res) => {
        res.resume()
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))))
      })
      req.on('error', reject)
      req.end(body)
    })
  const deadline = performance.now() + SECONDS * 1000
  let done = 0
  const worker = async () => {
    while (performance.now() < deadline) {
      await once()
      done++
    }
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: CONNECTIONS }, worker))
  agent.destroy()
  return done / ((performance.now() - started) / 1000)
}

async function server() {
  const { start } = await import('./server.mjs')
  const { app, url } = await start({ port: 0, host: '127.0.0.1' })
  const child = fork(fileURLToPath(import.meta.url), ['--client', `${url}/eligibility`])
  const rate = await new Promise((resolve, reject) => {
    child.on('message', resolve)
    child.on('error', reject)
  })
  await app.close()
  console.log(`POST /eligibility          ${rate.toFixed(0)} requests/s (${CONNECTIONS} keep-alive connections, ${SECONDS} s, client in a child process)`)
}

const mode = process.argv[2]
if (mode === '--client') {
  process.send(await client(process.argv[3], JSON.stringify({ partner, as_of: asOf })))
} else if (mode === '--server') {
  await server()
} else {
  overhead()
  throughput()
}
