// The Fastify example (examples/node/server.mjs) on 127.0.0.1 and a free port: valid, invalid
// and malformed requests, then a short requests/s measurement of POST /eligibility.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { start } from '../../examples/node/server.mjs'

const root = new URL('../../tests/fixtures/', import.meta.url)
const cases = readdirSync(root, { recursive: true })
  .filter((n) => n.endsWith('.json'))
  .flatMap((f) => JSON.parse(readFileSync(new URL(f, root), 'utf8')).cases)
const find = (op, pred) => {
  const c = cases.find((c) => c.op === op && !('error' in c.expected) && 'as_of' in c.call && pred(c.expected))
  assert.ok(c, `no ${op} fixture`)
  return c
}

let app
let url
before(async () => {
  ;({ app, url } = await start({ port: 0, host: '127.0.0.1' }))
})
after(() => app.close())

async function post(path, body, headers = { 'content-type': 'application/json' }) {
  const res = await fetch(`${url}${path}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) })
  return { status: res.status, body: await res.json() }
}

test('it listens on loopback', () => {
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/)
})

test('POST /eligibility: 200 eligible, 422 ineligible with coded findings', async () => {
  const ok = find('check_eligibility', (e) => e.outcome === 'eligible')
  assert.deepEqual(await post('/eligibility', ok.call), { status: 200, body: ok.expected })
  const bad = find('check_eligibility', (e) => e.outcome === 'ineligible')
  const res = await post('/eligibility', bad.call)
  assert.equal(res.status, 422)
  assert.equal(res.body.code, 'ineligible')
  assert.deepEqual(res.body.report, bad.expected)
  assert.deepEqual(res.body.findings, bad.expected.findings)
  assert.ok(res.body.findings.every((f) => typeof f.code === 'string' && f.code.length > 0))
})

test('POST /eligibility: 422 incomplete, every outcome of the corpus maps to its status', async () => {
  const incomplete = find('check_eligibility', (e) => e.outcome === 'incomplete')
  const res = await post('/eligibility', incomplete.call)
  assert.deepEqual([res.status, res.body.code], [422, 'incomplete'])
  assert.deepEqual(res.body.report, incomplete.expected)
  const status = { eligible: 200, ineligible: 422, incomplete: 422 }
  const sample = cases.filter((c) => c.op === 'check_eligibility' && 'outcome' in c.expected && 'as_of' in c.call).slice(0, 60)
  for (const c of sample) assert.equal((await post('/eligibility', c.call)).status, status[c.expected.outcome], c.description)
})

test('POST /eligibility defaults as_of to today', async () => {
  const ok = find('check_eligibility', (e) => e.outcome === 'eligible')
  const { as_of: _, ...rest } = ok.call
  const res = await post('/eligibility', rest)
  assert.equal(res.body.report?.as_of ?? res.body.as_of, new Date().toISOString().slice(0, 10))
})

test('POST /profile/validate: 200 valid, 422 invalid', async () => {
  const ok = find('validate_profile', (e) => e.outcome === 'valid')
  assert.deepEqual(await post('/profile/validate', ok.call), { status: 200, body: ok.expected })
  const bad = find('validate_profile', (e) => e.outcome === 'invalid')
  const res = await post('/profile/validate', bad.call)
  assert.equal(res.status, 422)
  assert.equal(res.body.code, 'invalid')
  assert.deepEqual(res.body.findings, bad.expected.findings)
})

test('POST /authorize: 200 allowed, 422 denied with the deciding rule', async () => {
  const ok = find('authorize', (e) => e.allowed)
  assert.deepEqual(await post('/authorize', ok.call), { status: 200, body: ok.expected })
  const bad = find('authorize', (e) => !e.allowed)
  const res = await post('/authorize', bad.call)
  assert.equal(res.status, 422)
  assert.equal(res.body.code, bad.expected.code)
  assert.equal(res.body.findings[0].code, bad.expected.code)
  assert.deepEqual(res.body.decision, bad.expected)
})

test('malformed bodies: 400 with the error code and path', async () => {
  const ok = find('check_eligibility', (e) => e.outcome === 'eligible')
  let res = await post('/eligibility', '{"partner": ')
  assert.equal(res.status, 400)
  assert.equal(res.body.code, 'invalid_json')
  res = await post('/eligibility', { ...ok.call, partner: { ...ok.call.partner, business_type: 7 } })
  assert.deepEqual([res.status, res.body.code, res.body.path], [400, 'invalid_input', '/partner/business_type'])
  res = await post('/eligibility', { ...ok.call, as_of: '2025-02-30' })
  assert.deepEqual([res.status, res.body.code, res.body.path], [400, 'invalid_date', '/as_of'])
  res = await post('/profile/validate', [1, 2])
  assert.deepEqual([res.status, res.body.code, res.body.path], [400, 'invalid_input', ''])
  const auth = find('authorize', (e) => e.allowed)
  res = await post('/authorize', { ...auth.call, principal: 'root' })
  assert.deepEqual([res.status, res.body.code, res.body.path], [400, 'invalid_input', '/principal'])
  res = await post('/authorize', { ...auth.call, surprise: 1 })
  assert.deepEqual([res.status, res.body.code, res.body.path], [400, 'unknown_field', '/surprise'])
  res = await post('/eligibility', 'partner=x', { 'content-type': 'text/plain' })
  assert.equal(res.status, 415)
})

test('bodies over 1 MB are refused with 413', async () => {
  const ok = find('check_eligibility', (e) => e.outcome === 'eligible')
  const res = await post('/eligibility', { ...ok.call, padding: 'x'.repeat(1024 * 1024) })
  assert.equal(res.status, 413)
  assert.equal(res.body.code, 'body_too_large')
})

test('requests/s for POST /eligibility on loopback (printed, not asserted)', async () => {
  const body = JSON.stringify(find('check_eligibility', (e) => e.outcome === 'eligible').call)
  const seconds = Number(process.env.CTPAT_BENCH_SECONDS ?? 2)
  const deadline = performance.now() + seconds * 1000
  let done = 0
  const worker = async () => {
    while (performance.now() < deadline) {
      const res = await fetch(`${url}/eligibility`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      await res.arrayBuffer()
      assert.equal(res.status, 200)
      done++
    }
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: 32 }, worker))
  const rate = done / ((performance.now() - started) / 1000)
  console.log(`# POST /eligibility: ${done} requests in ${seconds} s, ${rate.toFixed(0)} requests/s (32 concurrent fetch clients, same process)`)
  assert.ok(done > 0)
})
