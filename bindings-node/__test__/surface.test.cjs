// The Node surface through require(): types, errors, redaction, batch and async calls.
const { test } = require('node:test')
const assert = require('node:assert/strict')
const ctpat = require('..')
const pkg = require('../package.json')

test('versions match the core and package.json', () => {
  const v = ctpat.call('versions')
  assert.equal(ctpat.VERSION, v.version)
  assert.equal(pkg.version, v.version)
  assert.equal(ctpat.RULES_VERSION, v.rules_version)
})

test('checkIdentifier returns a plain object with snake_case keys', () => {
  const c = ctpat.checkIdentifier('scac', ' qwrt ')
  assert.equal(c.valid, true)
  assert.equal(c.normalized, 'QWRT')
  assert.deepEqual(c.findings, [])
})

test('ssn is redacted unless revealed', () => {
  const c = ctpat.checkIdentifier('ssn', '123-45-6789')
  assert.equal(c.display, '***-**-6789')
  assert.ok(!JSON.stringify(c).includes('123456789'))
  assert.equal(ctpat.checkIdentifier('ssn', '123-45-6789', { reveal: true }).normalized, '123456789')
})

test('errors are Error instances with code and path', () => {
  assert.throws(() => ctpat.checkIdentifier('passport', 'X'), (e) => {
    assert.ok(e instanceof Error)
    assert.ok(e instanceof ctpat.CtpatError)
    assert.equal(e.code, 'unknown_identifier_kind')
    assert.equal(e.path, '/kind')
    return true
  })
  assert.throws(() => ctpat.call('no_such_thing'), { code: 'unknown_operation' })
})

test('wrong JS types are coded errors, never crashes', () => {
  for (const bad of [undefined, null, 5, {}, ['x'], Symbol('s')]) {
    assert.throws(() => ctpat.checkIdentifier('scac', bad), { code: 'invalid_input', path: '/text' })
  }
  const cyclic = {}
  cyclic.self = cyclic
  assert.throws(() => ctpat.call('check_identifier', cyclic), { code: 'invalid_input' })
  assert.throws(() => ctpat.call('check_identifier', { kind: 'scac', text: 10n }), { code: 'invalid_input' })
  const huge = ctpat.checkIdentifier('duns', '9'.repeat(10_000_000))
  assert.equal(huge.valid, false)
})

test('batch and async batch give the same answers, failures in place', async () => {
  const calls = [{ kind: 'scac', text: 'QWRT' }, { kind: 'nope', text: 'x' }]
  const sync = ctpat.callMany('check_identifier', calls)
  const later = await ctpat.callManyAsync('check_identifier', calls)
  assert.deepEqual(sync[0], later[0])
  assert.equal(sync[0].normalized, 'QWRT')
  assert.ok(sync[1] instanceof ctpat.CtpatError)
  assert.equal(later[1].code, 'unknown_identifier_kind')
})

test('businessTypes lists all fourteen', () => {
  const types = ctpat.businessTypes()
  assert.equal(types.length, 14)
  assert.deepEqual(types.find((t) => t.code === 'importer').required_bond_any_of, ['continuous_import'])
})

test('a Rust panic is a thrown error with code internal; the process lives on', async () => {
  assert.throws(() => ctpat.call('__panic'), { code: 'internal' })
  const [res] = await ctpat.callManyAsync('__panic', [{}])
  assert.equal(res.code, 'internal')
  assert.equal(ctpat.checkIdentifier('scac', 'QWRT').valid, true)
})
