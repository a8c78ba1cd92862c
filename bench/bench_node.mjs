// Node side of `./run bench`: ctpat against an ajv validator of the same schema.
//
//   node bench/bench_node.mjs RECORDS.jsonl OUT.json
//
// Every figure is microseconds per record (or per call). ajv (Draft 2020-12, formats) compiles
// schemas/partner.json once; a user reading JSON Lines pays JSON.parse + validate per record.
// ajv checks shapes only; ctpat also checks identifiers and every eligibility rule.

import { createRequire } from 'node:module'
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'bindings-node', 'package.json'))
const ctpat = require('./ctpat.js')
const native = require('./index.js')
const Ajv2020 = require('ajv/dist/2020').default
const addFormats = require('ajv-formats').default

const AS_OF = '2025-06-30'
const [recordsPath, outPath] = process.argv.slice(2)
const lines = readFileSync(recordsPath, 'utf8').split('\n').filter((l) => l.trim() !== '')
const objects = lines.map((l) => JSON.parse(l))
const n = lines.length
const res = { records: n }

function log(key, value) {
  res[key] = Math.round(value * 1000) / 1000
  process.stderr.write(`  node   ${key.padEnd(40)} ${value.toFixed(3).padStart(10)}\n`)
}

/** Best of `repeat` runs of `fn` (handling `count` items), µs per item. */
function perItem(fn, count, repeat = 3) {
  let best = Infinity
  for (let i = 0; i < repeat; i++) {
    const t0 = process.hrtime.bigint()
    fn()
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1000)
  }
  return best / count
}

async function perItemAsync(fn, count, repeat = 3) {
  let best = Infinity
  for (let i = 0; i < repeat; i++) {
    const t0 = process.hrtime.bigint()
    await fn()
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1000)
  }
  return best / count
}

function perCall(fn, calls = 200_000) {
  for (let i = 0; i < calls / 10; i++) fn()
  return perItem(() => {
    for (let i = 0; i < calls; i++) fn()
  }, calls)
}

// Sanity: every record is understood.
const check = ctpat.checkEligibilityMany(objects, { asOf: AS_OF })
const bad = check.filter((r) => r instanceof Error)
if (bad.length) throw new Error(`${bad.length} records refused, first: ${bad[0].message}`)

// ajv: compile once, then JSON.parse + validate per record.
const ajv = new Ajv2020({ allErrors: false, strict: false })
addFormats(ajv)
const validate = ajv.compile(JSON.parse(readFileSync(join(root, 'schemas', 'partner.json'), 'utf8')))
const invalid = objects.filter((o) => !validate(o)).length
if (invalid) throw new Error(`ajv rejects ${invalid} records: ${JSON.stringify(validate.errors)}`)
log('ajv_validate_us', perItem(() => { for (const o of objects) validate(o) }, n))
log('json_parse_us', perItem(() => { for (const l of lines) JSON.parse(l) }, n))
log('ajv_parse_validate_us', perItem(() => { for (const l of lines) validate(JSON.parse(l)) }, n))

// ctpat: raw native batch; batch from objects; from the JSON Lines text itself (each line checked
// and spliced in by Rust, never parsed in JavaScript); JSON.parse of the lines, then objects.
// The raw native batch in calls of 256 pre-built texts, as the batch functions send them (one
// call of 20 000 would measure the garbage collector's state more than the native code).
const texts = lines.map((l) => `{"partner":${l},"as_of":"${AS_OF}"}`)
const textChunks = []
for (let i = 0; i < n; i += 256) textChunks.push(texts.slice(i, i + 256))
log('ctpat_native_call_many_us', perItem(() => { for (const c of textChunks) native.callJsonMany('check_eligibility', c) }, n, 2))
{
  // Not kept: 20 000 more live answers would slow every later row's garbage collection.
  const fromText = ctpat.checkEligibilityMany(lines, { asOf: AS_OF })
  for (let i = 0; i < n; i += 997) {
    if (JSON.stringify(fromText[i]) !== JSON.stringify(check[i])) throw new Error(`record ${i}: text and object answers differ`)
  }
}
log('ctpat_batch_us', perItem(() => ctpat.checkEligibilityMany(objects, { asOf: AS_OF }), n, 2))
log('ctpat_batch_from_text_us', perItem(() => ctpat.checkEligibilityMany(lines, { asOf: AS_OF }), n, 2))
log('ctpat_batch_parse_objects_us', perItem(() => ctpat.checkEligibilityMany(lines.map((l) => JSON.parse(l)), { asOf: AS_OF }), n, 1))

// Single calls in a loop, on a subset.
const single = objects.slice(0, 20_000)
log('ctpat_single_loop_us', perItem(() => { for (const o of single) ctpat.checkEligibility(o, { asOf: AS_OF }) }, single.length))
// The same loop keeping every answer, as a batch does (live answers make the GC copy them).
log('ctpat_single_loop_kept_us', perItem(() => single.map((o) => ctpat.checkEligibility(o, { asOf: AS_OF })), single.length))

// Async: one batch, then two concurrent half batches (libuv pool); and one batch from text.
log('ctpat_async_1_us', await perItemAsync(() => ctpat.checkEligibilityManyAsync(objects, { asOf: AS_OF }), n, 1))
const halves = [objects.slice(0, n >> 1), objects.slice(n >> 1)]
log('ctpat_async_2_us', await perItemAsync(() => Promise.all(halves.map((h) => ctpat.checkEligibilityManyAsync(h, { asOf: AS_OF }))), n, 1))
log('ctpat_async_from_text_us', await perItemAsync(() => ctpat.checkEligibilityManyAsync(lines, { asOf: AS_OF }), n, 1))

// Per-call overhead: the public function vs the raw native call with pre-built text.
const identText = JSON.stringify({ kind: 'irs_number', text: '27-4418203-00' })
log('check_identifier_call_us', perCall(() => ctpat.checkIdentifier('irs_number', '27-4418203-00')))
log('native_call_us', perCall(() => native.callJson('check_identifier', identText)))
res.binding_overhead_us = Math.round((res.check_identifier_call_us - res.native_call_us) * 1000) / 1000

writeFileSync(outPath, JSON.stringify(res, null, 2))
