// Batches: records as JSON text (checked and spliced in by Rust), chunked native calls, order
// and per-record errors.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import {
  CtpatError,
  callMany,
  callManyAsync,
  checkEligibility,
  checkEligibilityMany,
  checkEligibilityManyAsync,
  validateProfile,
  validateProfileMany,
  validateProfileManyAsync,
} from 'ctpat'

const native = createRequire(import.meta.url)('../index.js')
const dir = new URL('../../tests/fixtures/eligibility/', import.meta.url)
const asOf = '2025-06-30'
// Every partner of the eligibility fixtures: eligible and not, all business types.
const partners = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')).cases)
  .filter((c) => c.op === 'check_eligibility' && c.call.partner && typeof c.call.partner === 'object')
  .map((c) => c.call.partner)
const profileCase = JSON.parse(readFileSync(new URL('../../tests/fixtures/profile/validate_profile.json', import.meta.url), 'utf8'))
  .cases.find((c) => !('error' in c.expected)).call

/** A comparable form: answers as they are, errors as their code, path and message. */
const plain = (out) => out.map((r) => (r instanceof CtpatError ? { error: r.code, path: r.path, message: r.message } : r))

function isError(r, code, path) {
  assert.ok(r instanceof CtpatError, `expected a CtpatError, got ${JSON.stringify(r)?.slice(0, 200)}`)
  assert.equal(r.code, code, r.message)
  if (path !== undefined) assert.equal(r.path, path, r.message)
}

test('the fixtures give enough partners, some of them refused by the core', () => {
  assert.ok(partners.length >= 20, `${partners.length} partners`)
  assert.ok(plain(checkEligibilityMany(partners, { asOf })).some((r) => 'error' in r))
})

test('records as JSON text give the same answers and errors as objects, sync and async', async () => {
  const objects = checkEligibilityMany(partners, { asOf })
  const texts = partners.map((p) => JSON.stringify(p))
  assert.deepEqual(plain(checkEligibilityMany(texts, { asOf })), plain(objects))
  // Whitespace around the value (JSON Lines with \r\n, pretty-printed files) is fine.
  const pretty = partners.map((p) => `\n ${JSON.stringify(p, null, 2)}\r\n`)
  assert.deepEqual(plain(checkEligibilityMany(pretty, { asOf })), plain(objects))
  assert.deepEqual(plain(await checkEligibilityManyAsync(texts, { asOf })), plain(objects))
  // The shared options reach every text record too.
  const old = checkEligibilityMany(texts.slice(0, 3), { asOf: '2007-01-01', policy: 'portal_2006' })
  assert.deepEqual(plain(old), plain(partners.slice(0, 3).map((p) => {
    try {
      return checkEligibility(p, { asOf: '2007-01-01', policy: 'portal_2006' })
    } catch (e) {
      return e
    }
  })))
})

test('a malformed text record gives invalid_json at /partner in its place; the others succeed', async () => {
  const good = JSON.stringify(partners[0])
  const want = checkEligibility(partners[0], { asOf })
  for (const bad of ['{"business_type": "importer"', '', '   ', 'nul', '{"a":1} {"b":2}', '{"a":1},', '[1,2']) {
    for (const out of [checkEligibilityMany([good, bad, good], { asOf }), await checkEligibilityManyAsync([good, bad, good], { asOf })]) {
      assert.equal(out.length, 3)
      assert.deepEqual(out[0], want)
      assert.deepEqual(out[2], want)
      isError(out[1], 'invalid_json', '/partner')
      assert.match(out[1].message, /^`partner` is not valid json: /)
    }
  }
})

test('records as UTF-8 bytes are JSON text too; bytes that are not UTF-8 are invalid_json', async () => {
  const texts = partners.slice(0, 5).map((p) => JSON.stringify(p))
  const want = plain(checkEligibilityMany(texts, { asOf }))
  const bytes = texts.map((t, i) => (i % 2 ? Buffer.from(t) : new TextEncoder().encode(t)))
  assert.deepEqual(plain(checkEligibilityMany(bytes, { asOf })), want)
  assert.deepEqual(plain(await checkEligibilityManyAsync(bytes, { asOf })), want)
  const [latin1, injected] = checkEligibilityMany([Buffer.from([0x7b, 0xff, 0x7d]), Buffer.from(`${texts[0]}, "as_of": "2001-01-01"`)], { asOf })
  isError(latin1, 'invalid_json', '/partner')
  assert.match(latin1.message, /not valid utf-8/)
  isError(injected, 'invalid_json', '/partner')
})

test('a record text cannot inject arguments', () => {
  const importer = partners.find((p) => {
    try {
      return p.business_type === 'importer' && checkEligibility(p, { asOf }).outcome !== undefined
    } catch {
      return false
    }
  })
  const text = JSON.stringify(importer)
  const injections = [
    '{}, "policy": "portal_2006"',
    `${text}, "policy": "portal_2006"`,
    `${text}, "as_of": "2001-01-01"`,
    `${text}, "as_of": "2001-01-01", "x": {`,
    `${text.slice(0, -1)}}, "policy": {"revalidation_interval_years": 1}`,
  ]
  const out = checkEligibilityMany(injections, { asOf })
  for (const r of out) isError(r, 'invalid_json', '/partner')
  // The same text without the injected tail is answered with the shared as_of only.
  const [honest] = checkEligibilityMany([text], { asOf })
  assert.equal(honest.as_of, asOf)
})

test('deeply nested or huge text records are refused with a code, never a crash', () => {
  const deep = (d) => '['.repeat(d) + ']'.repeat(d)
  const out = checkEligibilityMany([deep(200), deep(100_000), `"${'x'.repeat(5_000_000)}"`, JSON.stringify(partners[0])], { asOf })
  isError(out[0], 'limit_exceeded')
  isError(out[1], 'limit_exceeded')
  isError(out[2], 'invalid_input', '/partner')
  assert.deepEqual(plain([out[3]]), plain(checkEligibilityMany([partners[0]], { asOf })))
})

test('a text record that is JSON but not a partner is refused by the core, as the object would be', () => {
  const [fromText, fromValue] = [checkEligibilityMany(['5', '"importer"', 'null', '[]'], { asOf }), checkEligibilityMany([5, 'x', null, []], { asOf })]
  for (const r of fromText) isError(r, 'invalid_input', '/partner')
  isError(fromValue[0], 'invalid_input', '/partner')
  isError(fromValue[2], 'invalid_input', '/partner')
  isError(fromValue[3], 'invalid_input', '/partner')
  // A string record is JSON text, not a string partner: `x` is not JSON.
  isError(fromValue[1], 'invalid_json', '/partner')
})

test('objects, texts and records JavaScript cannot encode mix in one batch, in order', async () => {
  const cyclic = { a: 1 }
  cyclic.self = cyclic
  const [a, b] = partners
  const records = [a, JSON.stringify(b), cyclic, '{', undefined, b, JSON.stringify(a)]
  for (const out of [checkEligibilityMany(records, { asOf }), await checkEligibilityManyAsync(records, { asOf, chunkSize: 2 })]) {
    assert.equal(out.length, records.length)
    assert.deepEqual(plain([out[0], out[1], out[5], out[6]]), plain(checkEligibilityMany([a, b, b, a], { asOf })))
    isError(out[2], 'invalid_input', '')
    isError(out[3], 'invalid_json', '/partner')
    isError(out[4], 'invalid_input', '/partner')
  }
})

test('a batch of many chunks keeps order and per-record errors', async () => {
  // 1 100 records: more than four default chunks; every 97th is malformed text, every 89th an
  // unknown business type (a core error), the rest alternate between objects and text.
  const records = []
  const expect = []
  for (let i = 0; i < 1100; i++) {
    const p = { ...partners[i % partners.length], legal_name: `Partner ${i}` }
    if (i % 97 === 5) {
      records.push(`{"legal_name": "Partner ${i}"`)
      expect.push('invalid_json')
    } else if (i % 89 === 7) {
      records.push({ ...p, business_type: 'trucker' })
      expect.push('unknown_business_type')
    } else {
      records.push(i % 2 ? JSON.stringify(p) : p)
      expect.push(null)
    }
  }
  const one = plain(records.map((r) => {
    try {
      return checkEligibility(typeof r === 'string' ? JSON.parse(r) : r, { asOf })
    } catch (e) {
      return e instanceof SyntaxError ? { error: 'invalid_json' } : e
    }
  }))
  for (const chunkSize of [undefined, 1, 7, 256, 5000]) {
    const sync = checkEligibilityMany(records, { asOf, chunkSize })
    const later = await checkEligibilityManyAsync(records, { asOf, chunkSize })
    assert.equal(sync.length, records.length)
    for (let i = 0; i < records.length; i++) {
      if (expect[i] === null) {
        assert.deepEqual(plain([sync[i]]), [one[i]], `record ${i}, chunkSize ${chunkSize}`)
      } else {
        isError(sync[i], expect[i])
        if (expect[i] !== 'invalid_json') assert.deepEqual(plain([sync[i]]), [one[i]])
      }
    }
    assert.deepEqual(plain(later), plain(sync), `async, chunkSize ${chunkSize}`)
  }
})

test('emptying the array while an async batch is pending changes nothing', async () => {
  const records = partners.slice(0, 9).map((p, i) => (i % 2 ? JSON.stringify(p) : p))
  const want = plain(checkEligibilityMany(records, { asOf }))
  const pending = checkEligibilityManyAsync(records, { asOf, chunkSize: 2 })
  records.length = 0
  assert.deepEqual(plain(await pending), want)
})

test('chunkSize must be a positive integer and is the only option of callMany', async () => {
  for (const bad of [0, -1, 1.5, '3', Number.NaN, true]) {
    assert.throws(() => checkEligibilityMany([], { asOf, chunkSize: bad }), { code: 'invalid_input', path: '/chunkSize' })
    await assert.rejects(callManyAsync('rules', [], { chunkSize: bad }), { code: 'invalid_input', path: '/chunkSize' })
  }
  assert.throws(() => callMany('rules', [], { asOf }), { code: 'unknown_field', path: '/asOf' })
  const calls = Array.from({ length: 9 }, (_, i) => (i === 4 ? { kind: 'nope', text: 'x' } : { kind: 'scac', text: `QWR${i}` }))
  const out = callMany('check_identifier', calls, { chunkSize: 2 })
  assert.deepEqual(plain(out), plain(callMany('check_identifier', calls)))
  assert.deepEqual(out.map((r) => r.normalized ?? r.code), ['QWR0', 'QWR1', 'QWR2', 'QWR3', 'unknown_identifier_kind', 'QWR5', 'QWR6', 'QWR7', 'QWR8'])
  // A string in callMany is a string argument object, not JSON text: the core refuses it.
  isError(callMany('check_identifier', ['{"kind":"scac","text":"QWRT"}'])[0], 'invalid_input', '')
  assert.deepEqual(checkEligibilityMany([], { asOf }), [])
  assert.deepEqual(await checkEligibilityManyAsync([], { asOf }), [])
})

test('validateProfileMany takes profiles as JSON text too', async () => {
  const { profile, as_of: at } = profileCase
  const want = validateProfile(profile, { asOf: at })
  const texts = [JSON.stringify(profile), '{"business_type": ', `${JSON.stringify(profile)}, "as_of": "2001-01-01"`]
  for (const out of [validateProfileMany(texts, { asOf: at }), await validateProfileManyAsync(texts, { asOf: at })]) {
    assert.deepEqual(out[0], want)
    isError(out[1], 'invalid_json', '/profile')
    isError(out[2], 'invalid_json', '/profile')
  }
})

test('native callJsonManySpliced checks its key and shared arguments', async () => {
  const text = JSON.stringify(partners[0])
  const [ok] = native.callJsonManySpliced('check_eligibility', 'partner', JSON.stringify({ as_of: asOf }), [text])
  assert.deepEqual(JSON.parse(ok), { ok: true, value: checkEligibility(partners[0], { asOf }) })
  const [none] = native.callJsonManySpliced('check_eligibility', 'partner', '{}', [text])
  assert.equal(JSON.parse(none).ok, false) // as_of is required by the core
  assert.equal(JSON.parse(none).error.path, '/as_of')
  for (const [key, shared] of [['partner":{},"x', '{}'], ['', '{}'], ['partner', '[]'], ['partner', '{"as_of": 1'], ['partner', '{} {}']]) {
    const out = [...native.callJsonManySpliced('check_eligibility', key, shared, [text, text]), ...(await native.callJsonManySplicedAsync('check_eligibility', key, shared, [text]))]
    assert.equal(out.length, 3)
    for (const envelope of out) assert.equal(JSON.parse(envelope).error.code, 'invalid_input', `${key} ${shared}`)
  }
  const [unknown] = native.callJsonManySpliced('no_such_op', 'partner', '{}', [text])
  assert.equal(JSON.parse(unknown).error.code, 'unknown_operation')
})
