// API parity: every core operation has a camelCase export, and each typed function, given the
// arguments of a shared fixture case, returns exactly the fixture's expected answer.
const { test } = require('node:test')
const assert = require('node:assert/strict')
const { readdirSync, readFileSync } = require('node:fs')
const path = require('node:path')
const ctpat = require('..')

const camel = (name) => name.replace(/_([a-z])/g, (_, c) => c.toUpperCase())

test('every core operation has a camelCase export (and the ESM entry has the same names)', async () => {
  const ops = ctpat.operations().map((o) => o.name).filter((n) => n !== '__panic')
  assert.ok(ops.length >= 37, `only ${ops.length} operations`)
  const missing = ops.map(camel).filter((n) => typeof ctpat[n] !== 'function')
  assert.deepEqual(missing, [], `operations without an export: ${missing.join(', ')}`)
  const esm = await import('../ctpat.mjs')
  const cjs = Object.keys(ctpat).sort()
  assert.deepEqual(Object.keys(esm).filter((k) => k !== 'default').sort(), cjs)
  for (const k of cjs) assert.equal(esm[k], ctpat[k], k)
})

// Each adapter turns a fixture call (snake_case keys) into a typed call: positional arguments
// first, then the remaining keys as camelCase options. Keys it does not know skip the case.
const adapters = {
  check_identifier: ['checkIdentifier', ['kind', 'text'], ['reveal', 'ssn_based', 'as_of']],
  identifier_rules: ['identifierRules', [], []],
  construct_mid: ['constructMid', [null], []],
  business_types: ['businessTypes', [], []],
  rules: ['rules', [], []],
  check_eligibility: ['checkEligibility', ['partner'], ['as_of', 'policy', 'rules_version']],
  validate_profile: ['validateProfile', ['profile'], ['as_of', 'catalogue', 'policy', 'rules_version']],
  annual_review_window: ['annualReviewWindow', ['anniversary'], ['as_of', 'last_submitted_on', 'policy', 'rules_version']],
  screen_partners: ['screenPartners', ['partners'], ['as_of', 'policy', 'rules_version']],
  mra_table: ['mraTable', [], []],
  profile_checks: ['profileChecks', [], []],
  screening_rules: ['screeningRules', [], []],
  catalogue_checks: ['catalogueChecks', [], []],
  load_catalogue: ['loadCatalogue', ['catalogue'], []],
  catalogue: ['catalogue', [], []],
  new_membership: ['newMembership', ['business_type'], []],
  apply_event: ['applyEvent', ['membership', 'event', 'actor'], ['at', 'policy', 'rules_version']],
  advance: ['advance', ['membership'], ['as_of', 'policy', 'rules_version']],
  deadlines: ['deadlines', ['membership'], ['as_of', 'policy', 'rules_version']],
  benefits: ['benefits', ['membership'], ['policy', 'rules_version']],
  transitions: ['transitions', [], []],
  verify_log: ['verifyLog', ['log'], []],
  replay: ['replay', ['business_type', 'log'], ['policy', 'rules_version']],
  link_for_joint_validation: ['linkForJointValidation', ['memberships', 'group'], ['policy']],
  authorize: ['authorize', ['principal', 'action', 'account'], ['as_of', 'policy', 'rules_version']],
  validate_account: ['validateAccount', ['account'], ['policy', 'rules_version']],
  add_user: ['addUser', ['principal', 'account', 'email'], ['as_of', 'policy', 'rules_version']],
  remove_user: ['removeUser', ['principal', 'account', 'email'], ['as_of', 'policy', 'rules_version']],
  change_primary_poc: ['changePrimaryPoc', ['principal', 'account', 'email'], ['as_of', 'policy', 'rules_version']],
  change_email: ['changeEmail', ['principal', 'account', 'old_email', 'new_email'], ['as_of', 'policy', 'rules_version']],
  link_accounts: ['linkAccounts', ['principal', 'account', 'other_account_id'], ['as_of', 'policy', 'rules_version']],
  unlink_accounts: ['unlinkAccounts', ['principal', 'account', 'other_account_id'], ['as_of', 'policy', 'rules_version']],
  split_company_profile: ['splitCompanyProfile', ['profile'], ['rules_version']],
  access_rules: ['accessRules', [], []],
  policy: ['policy', ['policy'], []],
}
// Options the binding fills in (today) when absent: a fixture without them expects an error.
const defaulted = new Set(['as_of', 'at'])

function typedCall(op, args) {
  const [fn, positional, optional] = adapters[op]
  if (args === null || typeof args !== 'object' || Array.isArray(args)) return undefined
  const keys = Object.keys(args)
  if (positional[0] !== null) {
    if (!keys.every((k) => positional.includes(k) || optional.includes(k))) return undefined
    if (!positional.every((k) => k in args || op === 'policy')) return undefined
  }
  if (optional.some((k) => defaulted.has(k) && !(k in args))) return undefined
  const values = positional[0] === null ? [args] : positional.map((k) => args[k])
  const options = Object.fromEntries(optional.filter((k) => k in args).map((k) => [camel(k), args[k]]))
  return () => (optional.length ? ctpat[fn](...values, options) : ctpat[fn](...values))
}

const root = path.join(__dirname, '../../tests/fixtures')
const cases = readdirSync(root, { recursive: true })
  .filter((n) => n.endsWith('.json'))
  .sort()
  .flatMap((f) => JSON.parse(readFileSync(path.join(root, f), 'utf8')).cases.map((c, i) => ({ ...c, where: `${f}#${i}` })))

test('each typed function returns the fixture answers (success and error)', () => {
  const covered = new Set()
  let ran = 0
  for (const c of cases) {
    if (!(c.op in adapters)) continue
    const run = typedCall(c.op, c.call)
    if (!run) continue
    let got
    try {
      got = run()
    } catch (e) {
      assert.ok(e instanceof ctpat.CtpatError, `${c.where}: ${e}`)
      got = { error: e.code }
      if ('path' in c.expected) got.path = e.path
    }
    assert.deepEqual(got, c.expected, `${c.where} ${c.description}`)
    if (!('error' in c.expected)) covered.add(c.op)
    ran++
  }
  // The corpus has only error cases for these two listings; their answers are checked below.
  const uncovered = Object.keys(adapters).filter((op) => !covered.has(op) && !['identifier_rules', 'business_types'].includes(op))
  assert.deepEqual(uncovered, [], 'operations with no successful fixture case through the typed function')
  assert.ok(ran >= 300, `only ${ran} cases ran`)
  console.log(`# ${ran} fixture cases through the typed functions`)
})

test('every adapter names a real export and a real operation', () => {
  const ops = new Set(ctpat.operations().map((o) => o.name))
  for (const [op, [fn]] of Object.entries(adapters)) {
    assert.ok(ops.has(op), op)
    assert.equal(fn, camel(op))
  }
})

test('the listings without a success fixture answer like the generic call', () => {
  const ids = ctpat.identifierRules()
  assert.deepEqual(ids, ctpat.call('identifier_rules'))
  assert.ok(ids.some((r) => r.code.startsWith('ident.scac.')))
  assert.deepEqual(ctpat.businessTypes(), ctpat.call('business_types'))
})

test('state in, state out: a membership through the typed functions', () => {
  let m = ctpat.newMembership('importer')
  assert.equal(m.status, 'none')
  // An event may be just its kind; dates may be Date objects (their UTC day).
  let step = ctpat.applyEvent(m, 'application_started', 'partner_officer', { at: '2025-01-10' })
  assert.deepEqual([step.transition.from, step.transition.to], ['none', 'pre_applicant'])
  m = step.membership
  step = ctpat.applyEvent(m, { kind: 'profile_submitted' }, 'partner_officer', { at: new Date('2025-02-01T23:30:00Z') })
  assert.equal(step.transition.at, '2025-02-01')
  m = step.membership
  assert.equal(m.status, 'applicant')
  assert.deepEqual(ctpat.verifyLog(m.log), { ok: true, entries: 2 })
  assert.deepEqual(ctpat.replay('importer', m.log), m)
  assert.deepEqual(ctpat.deadlines(m, { asOf: '2025-02-02' }).deadlines.map((d) => d.kind), ['certification_decision'])
  // `at` defaults to today (UTC).
  assert.equal(ctpat.applyEvent(ctpat.newMembership('importer'), 'application_started', 'partner_officer').transition.at, ctpat.todayUtc())
})

test('annualReviewWindow takes Date objects and defaults asOf to today', () => {
  const w = ctpat.annualReviewWindow(new Date('2024-03-01T00:00:00Z'), { asOf: '2025-02-20' })
  assert.deepEqual([w.opens_on, w.due_on, w.state], ['2024-12-01', '2025-03-01', 'open'])
  assert.equal(ctpat.annualReviewWindow('2024-03-01').as_of, ctpat.todayUtc())
})

test('ctpat.d.ts declares every export and nothing more', () => {
  const dts = readFileSync(path.join(__dirname, '..', 'ctpat.d.ts'), 'utf8')
  const declared = [...dts.matchAll(/^export declare (?:function|const|class) (\w+)/gm)].map((m) => m[1])
  assert.deepEqual([...new Set(declared)].sort(), Object.keys(ctpat).sort())
})
