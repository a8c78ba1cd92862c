// Partner screening from Node: one native call for the whole array, sync or on the thread pool.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { screenPartners, screenPartnersAsync, validateProfileMany, validateProfileManyAsync, validateProfile } from 'ctpat'

const load = (name) => JSON.parse(readFileSync(new URL(`../../tests/fixtures/${name}`, import.meta.url), 'utf8'))
const screening = load('screening/screen_partners.json').cases[0]
const { partners, as_of: asOf } = screening.call

test('screenPartners and screenPartnersAsync give the fixture report', async () => {
  assert.deepEqual(screenPartners(partners, { asOf }), screening.expected)
  assert.deepEqual(await screenPartnersAsync(partners, { asOf }), screening.expected)
})

test('the event loop keeps ticking while a large screening runs on the pool', async () => {
  const many = Array.from({ length: 100_000 }, (_, i) => ({ ...partners[i % partners.length], id: `P${i}` }))
  let ticks = 0
  const timer = setInterval(() => ticks++, 1)
  let ticksWhenResolved = -1
  const pending = screenPartnersAsync(many, { asOf }).then((report) => {
    ticksWhenResolved = ticks
    return report
  })
  // The encoding ran synchronously above; from here the loop is free until the pool answers.
  const before = ticks
  const report = await pending
  clearInterval(timer)
  assert.equal(report.results.length, many.length)
  assert.equal(report.results[many.length - 1].id, `P${many.length - 1}`)
  assert.ok(ticksWhenResolved > before, `no timer tick while the screening ran (${ticksWhenResolved} ticks)`)
})

test('validateProfileMany keeps order; async equals sync', async () => {
  const { profile, as_of: at } = load('profile/validate_profile.json').cases.find((c) => !('error' in c.expected)).call
  const sync = validateProfileMany([profile, { business_type: 'trucker' }, profile], { asOf: at })
  assert.deepEqual(sync[0], validateProfile(profile, { asOf: at }))
  assert.equal(sync[1].code, 'invalid_input')
  assert.deepEqual(await validateProfileManyAsync([profile, { business_type: 'trucker' }, profile], { asOf: at }), sync)
})
