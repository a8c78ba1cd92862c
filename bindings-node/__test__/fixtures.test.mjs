// The shared fixture corpus, run through the Node package exactly as Rust and Python run it.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import ctpat from '../ctpat.mjs'

const root = new URL('../../tests/fixtures/', import.meta.url)
const files = readdirSync(root, { recursive: true }).filter((n) => n.endsWith('.json')).sort()

function runCase(c) {
  try {
    return ctpat.call(c.op, c.call)
  } catch (e) {
    const got = { error: e.code }
    if ('path' in c.expected) got.path = e.path
    return got
  }
}

test('the corpus is not empty', () => {
  const count = files.reduce((n, f) => n + JSON.parse(readFileSync(new URL(f, root), 'utf8')).cases.length, 0)
  assert.ok(count >= 150, `only ${count} cases`)
})

for (const f of files) {
  const doc = JSON.parse(readFileSync(new URL(f, root), 'utf8'))
  doc.cases.forEach((c, i) => {
    test(`${f}#${i} ${c.description}`, () => {
      assert.deepEqual(runCase(c), c.expected, c.description)
    })
  })
}
