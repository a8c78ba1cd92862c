// Bad JavaScript input, family by family: every failure is a thrown CtpatError (an Error) with
// a code, a path and findings — never a crash, never a bare TypeError or SyntaxError.
const { test } = require('node:test')
const assert = require('node:assert/strict')
const { readdirSync, readFileSync } = require('node:fs')
const path = require('node:path')
const ctpat = require('..')

const root = path.join(__dirname, '../../tests/fixtures')
const cases = readdirSync(root, { recursive: true })
  .filter((n) => n.endsWith('.json'))
  .flatMap((f) => JSON.parse(readFileSync(path.join(root, f), 'utf8')).cases)
/** The arguments of the first fixture case of `op` that succeeds. */
const sample = (op) => cases.find((c) => c.op === op && !('error' in c.expected)).call

const cyclic = () => {
  const o = { a: 1 }
  o.self = o
  return o
}
const huge = 'x'.repeat(20_000_000)

function coded(fn, expected) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof ctpat.CtpatError, `not a CtpatError: ${e && e.stack}`)
    assert.ok(e instanceof Error)
    assert.equal(typeof e.code, 'string')
    assert.equal(typeof e.path, 'string')
    assert.ok(Array.isArray(e.findings))
    for (const [k, v] of Object.entries(expected)) assert.equal(e[k], v, `${k} of ${e.message}`)
    return true
  })
}

/** A huge value never crashes: the core answers, or refuses it with a coded error. */
function answersOrCoded(fn) {
  try {
    return fn()
  } catch (e) {
    assert.ok(e instanceof ctpat.CtpatError, `not a CtpatError: ${e && e.stack}`)
    assert.equal(typeof e.code, 'string')
    return e
  }
}

test('identifiers', () => {
  for (const bad of [undefined, null, 42, {}, Symbol('s')]) coded(() => ctpat.checkIdentifier(bad, 'QWRT'), { code: 'invalid_input', path: '/kind' })
  coded(() => ctpat.checkIdentifier('scac', 'QWRT', { reveal: 'yes' }), { code: 'invalid_input', path: '/reveal' })
  coded(() => ctpat.checkIdentifier('scac', 'QWRT', { revael: true }), { code: 'unknown_field', path: '/revael' })
  coded(() => ctpat.checkIdentifier('scac', 'QWRT', 'reveal'), { code: 'invalid_input', path: '/options' })
  coded(() => ctpat.constructMid(undefined), { code: 'invalid_input', path: '/input' })
  coded(() => ctpat.constructMid({ ...sample('construct_mid'), city: 7 }), { code: 'invalid_input', path: '/city' })
  coded(() => ctpat.constructMid(cyclic()), { code: 'invalid_input', path: '' })
  coded(() => ctpat.constructMid({ ...sample('construct_mid'), declared: 1n }), { code: 'invalid_input' })
  // A huge string reaches the core, which answers (a finding) or refuses it with a code.
  const check = ctpat.checkIdentifier('scac', huge)
  assert.equal(check.valid, false)
})

test('eligibility', () => {
  const { partner, as_of: asOf } = sample('check_eligibility')
  for (const bad of [undefined, () => 1, 5n]) coded(() => ctpat.checkEligibility(bad, { asOf }), { code: 'invalid_input', path: '/partner' })
  coded(() => ctpat.checkEligibility(null, { asOf }), { code: 'invalid_input', path: '/partner' })
  coded(() => ctpat.checkEligibility({ ...partner, business_type: 3 }, { asOf }), { code: 'invalid_input', path: '/partner/business_type' })
  coded(() => ctpat.checkEligibility({ ...partner, nested: cyclic() }, { asOf }), { code: 'invalid_input', path: '' })
  coded(() => ctpat.checkEligibility(partner, { asOf: new Date('nope') }), { code: 'invalid_input', path: '/asOf' })
  coded(() => ctpat.checkEligibility(partner, { asOf, rulesVersion: 2026 }), { code: 'invalid_input', path: '/rulesVersion' })
  coded(() => ctpat.checkEligibility(partner, { asOf, rulesVersion: '1999.1' }), { code: 'unsupported_rules_version' })
  coded(() => ctpat.checkEligibility(partner, { as_of: asOf }), { code: 'unknown_field', path: '/as_of' })
  answersOrCoded(() => ctpat.checkEligibility({ ...partner, legal_name: huge }, { asOf }))
  coded(() => ctpat.checkEligibilityMany('not an array'), { code: 'invalid_input', path: '/records' })
  // In a batch, a record JavaScript cannot encode keeps its place as an error.
  const out = ctpat.checkEligibilityMany([partner, cyclic(), undefined, partner], { asOf })
  assert.equal(out[0].outcome, out[3].outcome)
  assert.ok(out[1] instanceof ctpat.CtpatError && out[1].code === 'invalid_input')
  assert.ok(out[2] instanceof ctpat.CtpatError && out[2].code === 'invalid_input')
})

test('profiles, catalogue and screening', async () => {
  const { profile, as_of: asOf } = sample('validate_profile')
  coded(() => ctpat.validateProfile(undefined, { asOf }), { code: 'invalid_input', path: '/profile' })
  coded(() => ctpat.validateProfile(null, { asOf }), { code: 'invalid_input', path: '/profile' })
  coded(() => ctpat.validateProfile({ ...profile, business_type: 12 }, { asOf }), { code: 'invalid_input', path: '/profile/business_type' })
  coded(() => ctpat.validateProfile({ ...profile, x: cyclic() }, { asOf }), { code: 'invalid_input', path: '' })
  coded(() => ctpat.validateProfile(profile, { asOf, catalogue: '{not json' }), { code: 'invalid_json' })
  coded(() => ctpat.loadCatalogue(undefined), { code: 'invalid_input', path: '/catalogue' })
  answersOrCoded(() => ctpat.loadCatalogue(huge))
  coded(() => ctpat.annualReviewWindow(20250101), { code: 'invalid_input', path: '/anniversary' })
  coded(() => ctpat.annualReviewWindow('2025-01-01', { lastSubmittedOn: {} }), { code: 'invalid_input', path: '/lastSubmittedOn' })
  coded(() => ctpat.screenPartners(null), { code: 'invalid_input', path: '/partners' })
  coded(() => ctpat.screenPartners({ length: 1 }), { code: 'invalid_input', path: '/partners' })
  coded(() => ctpat.screenPartners([cyclic()]), { code: 'invalid_input', path: '' })
  coded(() => ctpat.screenPartners([{ id: 5 }], { asOf }), { code: 'invalid_input', path: '/partners/0/id' })
  await assert.rejects(ctpat.screenPartnersAsync([{ id: 5 }], { asOf }), (e) => e instanceof ctpat.CtpatError && e.path === '/partners/0/id')
  await assert.rejects(ctpat.screenPartnersAsync(undefined), { code: 'invalid_input', path: '/partners' })
  await assert.rejects(ctpat.validateProfileManyAsync({}), { code: 'invalid_input', path: '/profiles' })
  const many = await ctpat.validateProfileManyAsync([profile, null], { asOf })
  assert.equal(many[0].outcome, ctpat.validateProfile(profile, { asOf }).outcome)
  assert.equal(many[1].code, 'invalid_input')
})

test('lifecycle', () => {
  const { membership, event, actor, at } = sample('apply_event')
  coded(() => ctpat.newMembership(undefined), { code: 'invalid_input', path: '/business_type' })
  coded(() => ctpat.newMembership('trucker'), { code: 'invalid_input', path: '/business_type' })
  coded(() => ctpat.applyEvent(undefined, event, actor, { at }), { code: 'invalid_input', path: '/membership' })
  coded(() => ctpat.applyEvent(membership, event, 7, { at }), { code: 'invalid_input', path: '/actor' })
  coded(() => ctpat.applyEvent(membership, null, actor, { at }), { code: 'invalid_input', path: '/event' })
  coded(() => ctpat.applyEvent(membership, event, actor, { at: '2025-13-01' }), { path: '/at' })
  answersOrCoded(() => ctpat.applyEvent(membership, { ...event, reason: huge }, actor, { at }))
  coded(() => ctpat.advance({ ...membership, log: cyclic() }), { code: 'invalid_input', path: '' })
  coded(() => ctpat.deadlines(membership, { asOf: true }), { code: 'invalid_input', path: '/asOf' })
  coded(() => ctpat.benefits(membership, { asOf: '2025-01-01' }), { code: 'unknown_field', path: '/asOf' })
  coded(() => ctpat.verifyLog(undefined), { code: 'invalid_input', path: '/log' })
  coded(() => ctpat.replay('importer', 'not a log'), { code: 'invalid_input', path: '/log' })
  coded(() => ctpat.linkForJointValidation([membership], 9), { code: 'invalid_input', path: '/group' })
})

test('portal', () => {
  const { principal, action, account, as_of: asOf } = sample('authorize')
  coded(() => ctpat.authorize(undefined, action, account, { asOf }), { code: 'invalid_input', path: '/principal' })
  coded(() => ctpat.authorize(principal, 12, account, { asOf }), { code: 'invalid_input', path: '/action' })
  coded(() => ctpat.authorize(principal, 'fly', account, { asOf }), { code: 'portal.unknown_action', path: '/action' })
  coded(() => ctpat.authorize(principal, action, null, { asOf }), { code: 'invalid_input', path: '/account' })
  coded(() => ctpat.authorize(principal, action, { ...account, x: cyclic() }, { asOf }), { code: 'invalid_input', path: '' })
  answersOrCoded(() => ctpat.authorize(principal, action, { ...account, company_name: huge }, { asOf }))
  coded(() => ctpat.addUser(principal, account, null, { asOf }), { code: 'invalid_input', path: '/email' })
  coded(() => ctpat.changeEmail(principal, account, 'a@b.example', undefined, { asOf }), { code: 'invalid_input', path: '/new_email' })
  coded(() => ctpat.linkAccounts(principal, account, 3, { asOf }), { code: 'invalid_input', path: '/other_account_id' })
  coded(() => ctpat.validateAccount(undefined), { code: 'invalid_input', path: '/account' })
  coded(() => ctpat.splitCompanyProfile(account, { policy: 'current' }), { code: 'unknown_field', path: '/policy' })
})

test('generic calls', async () => {
  coded(() => ctpat.call(undefined), { code: 'invalid_input', path: '/op' })
  coded(() => ctpat.call('nope'), { code: 'unknown_operation' })
  coded(() => ctpat.callMany('rules', null), { code: 'invalid_input', path: '/calls' })
  await assert.rejects(ctpat.callManyAsync(5, []), { code: 'invalid_input', path: '/op' })
  const out = await ctpat.callManyAsync('check_identifier', [cyclic(), { kind: 'scac', text: 'QWRT' }, 'text'])
  assert.equal(out[0].code, 'invalid_input')
  assert.equal(out[1].normalized, 'QWRT')
  assert.equal(out[2].code, 'invalid_input')
})

test('every rules-bearing call refuses another rules edition', () => {
  const old = { rulesVersion: '1999.1' }
  const member = ctpat.newMembership('importer')
  coded(() => ctpat.newMembership('importer', old), { code: 'unsupported_rules_version', path: '/rules_version' })
  coded(() => ctpat.verifyLog([], old), { code: 'unsupported_rules_version', path: '/rules_version' })
  coded(() => ctpat.linkForJointValidation([member], 'acme', old), { code: 'unsupported_rules_version', path: '/rules_version' })
  const mid = { country: 'MX', name: 'Northwind Textile Works', street: '4821 Industrial Ave', city: 'Monterrey' }
  coded(() => ctpat.constructMid({ ...mid, rules_version: '1999.1' }), { code: 'unsupported_rules_version', path: '/rules_version' })
  assert.equal(ctpat.constructMid(mid).rules_version, ctpat.RULES_VERSION)
  coded(() => ctpat.verifyLog([], { policy: 'current' }), { code: 'unknown_field', path: '/policy' })
})
