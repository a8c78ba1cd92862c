// Eligibility from Node: options, batches, async batches keep the event loop free.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { checkEligibility, checkEligibilityMany, checkEligibilityManyAsync, rules, policy, CtpatError, todayUtc } from 'ctpat'

const fixture = JSON.parse(readFileSync(new URL('../../tests/fixtures/eligibility/importer.json', import.meta.url), 'utf8'))
const { partner, as_of: asOf } = fixture.cases[0].call

test('checkEligibility gives the fixture answer; asOf defaults to today UTC', () => {
  assert.deepEqual(checkEligibility(partner, { asOf }), fixture.cases[0].expected)
  assert.equal(checkEligibility(partner).as_of, todayUtc())
  assert.deepEqual(checkEligibility(partner, { asOf: new Date(`${asOf}T12:00:00Z`) }), fixture.cases[0].expected)
})

test('bad input is a coded error with a path', () => {
  assert.throws(() => checkEligibility({ ...partner, business_type: 'trucker' }, { asOf }), {
    code: 'unknown_business_type',
    path: '/partner/business_type',
  })
  assert.throws(() => checkEligibility(null), { code: 'invalid_input', path: '/partner' })
  assert.throws(() => checkEligibility(partner, { asOf: 20250630 }), { code: 'invalid_input', path: '/asOf' })
  assert.throws(() => checkEligibility(partner, { asOf: '2025-02-30' }), { code: 'invalid_date', path: '/as_of' })
  assert.throws(() => checkEligibility(partner, { asOf, policy: 'portal_2007' }), { code: 'unknown_policy_preset' })
})

test('policy presets and objects', () => {
  assert.equal(policy('portal_2006').profile_update_deadlines.importer, '2006-10-01')
  assert.equal(policy({ revalidation_interval_years: 3 }).revalidation_interval_years, 3)
})

test('batch keeps order, errors in place; async equals sync', async () => {
  const records = [partner, { business_type: 'trucker' }, partner]
  const sync = checkEligibilityMany(records, { asOf })
  assert.equal(sync[0].outcome, 'eligible')
  assert.ok(sync[1] instanceof CtpatError)
  assert.equal(sync[1].code, 'unknown_business_type')
  assert.deepEqual(await checkEligibilityManyAsync(records, { asOf }), sync)
})

test('the event loop keeps ticking during a large async batch', async () => {
  const records = Array.from({ length: 20000 }, (_, i) => ({ ...partner, legal_name: `Importer ${i}` }))
  let ticks = 0
  const timer = setInterval(() => ticks++, 1)
  const started = Date.now()
  const out = await checkEligibilityManyAsync(records, { asOf })
  clearInterval(timer)
  assert.equal(out.length, records.length)
  assert.ok(out.every((r) => r.outcome === 'eligible'))
  // JSON.stringify of the inputs runs on the loop; the evaluation itself runs on the pool.
  assert.ok(ticks > 0, `no tick in ${Date.now() - started} ms`)
})

test('rules lists sourced rules', () => {
  const all = rules()
  assert.ok(all.some((r) => r.code === 'importer.continuous_bond'))
  assert.ok(all.every((r) => r.source.length > 0))
})
