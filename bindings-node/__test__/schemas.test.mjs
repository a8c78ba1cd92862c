// Every fixture call and answer validates against the committed JSON Schemas under ajv
// (strict mode, with formats); a deliberately broken copy of each fails.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import ctpat from '../ctpat.mjs'

const require = createRequire(import.meta.url)
const Ajv2020 = require('ajv/dist/2020').default
const addFormats = require('ajv-formats')

const schemasDir = new URL('../../schemas/', import.meta.url)
const fixturesDir = new URL('../../tests/fixtures/', import.meta.url)
const index = JSON.parse(readFileSync(new URL('index.json', schemasDir), 'utf8'))
const ajv = new Ajv2020({ strict: true, allErrors: true })
addFormats(ajv)
const validators = new Map()
function validator(name) {
  if (!validators.has(name)) {
    const schema = JSON.parse(readFileSync(new URL(`${name}.json`, schemasDir), 'utf8'))
    validators.set(name, ajv.compile(schema))
  }
  return validators.get(name)
}

test('every published schema compiles in strict mode', () => {
  for (const name of index.schemas) assert.equal(typeof validator(name), 'function', name)
})

const files = readdirSync(fixturesDir, { recursive: true }).filter((n) => n.endsWith('.json')).sort()

/** Copies of a call or answer, each with one deliberate shape error (as the Python suite makes). */
function brokenCopies(value) {
  const wrong = { __broken__: [null] }
  if (Array.isArray(value)) return [[...value, wrong], [wrong]]
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value)
    const out = keys.map((k) => ({ ...value, [k]: wrong }))
    if (keys.length > 0) {
      const { [keys[0]]: _dropped, ...rest } = value
      out.push(rest)
    }
    return out
  }
  return [wrong]
}


/** Every (case, schema name, value) of a fixture file that has a schema: calls and answers. */
function* schemaValues(doc) {
  for (const c of doc.cases) {
    const names = index.operations[c.op]
    if (!names || 'error' in c.expected) continue
    for (const [name, value] of [[names.call, c.call], [names.answer, c.expected]]) {
      if (name) yield [c, name, value]
    }
  }
}

for (const f of files) {
  const doc = JSON.parse(readFileSync(new URL(f, fixturesDir), 'utf8'))
  test(`schemas: ${f}`, () => {
    for (const [c, name, value] of schemaValues(doc)) {
      const validate = validator(name)
      assert.ok(validate(value), `${c.description}: ${name}: ${ajv.errorsText(validate.errors)}`)
      const caught = brokenCopies(value).filter((copy) => !validate(copy))
      assert.ok(caught.length > 0, `${c.description}: no broken copy of the ${name} fails validation`)
    }
  })
}

test('a broken answer fails its schema', () => {
  const validate = validator('identifier_check')
  const good = ctpat.checkIdentifier('scac', 'QWRT')
  assert.ok(validate(good))
  assert.ok(!validate({ ...good, valid: 'yes' }))
  assert.ok(!validate({ ...good, kind: 'passport' }))
  assert.ok(!validate({ ...good, extra: 1 }))
})
