'use strict'
// The public JavaScript surface of ctpat: camelCase functions over the core's JSON API.
// Conversion only — every rule lives in the Rust core. Arguments and answers are plain
// objects with the same snake_case keys as the JSON Schemas and the shared fixtures;
// function and option names are camelCase.

const native = require('./index.js')

/** Error thrown by every ctpat function; `code` is the stable identifier from the core. */
class CtpatError extends Error {
  constructor(message, code, path = '', findings = []) {
    super(message)
    this.name = 'CtpatError'
    this.code = code
    this.path = path
    this.findings = findings
  }
}

function fromInfo(info) {
  return new CtpatError(info.message, info.code, info.path, info.findings || [])
}

function inputError(message, path) {
  return new CtpatError(message, 'invalid_input', path)
}

function describe(value) {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value
}

// ---- encoding and decoding -------------------------------------------------------------

/** JSON text of one argument object, or a CtpatError when JavaScript cannot encode it. */
function tryEncode(args) {
  let text
  try {
    text = JSON.stringify(args)
  } catch (err) {
    return inputError(`arguments are not json-serialisable: ${err.message}`, '')
  }
  // undefined, functions and symbols have no JSON form; the core then says what it needs.
  return text === undefined ? 'null' : text
}

function encode(args) {
  const text = tryEncode(args)
  if (text instanceof CtpatError) throw text
  return text
}

function decode(text) {
  const envelope = JSON.parse(text)
  if (envelope.ok) return envelope.value
  throw fromInfo(envelope.error)
}

function settle(text) {
  const envelope = JSON.parse(text)
  return envelope.ok ? envelope.value : fromInfo(envelope.error)
}

function requireArray(value, key) {
  if (!Array.isArray(value)) throw inputError(`${key} must be an array, not ${describe(value)}`, `/${key}`)
  return value
}

function requireString(value, key) {
  if (typeof value !== 'string') throw inputError(`${key} must be a string, not ${describe(value)}`, `/${key}`)
  return value
}

function requireObject(value, key) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw inputError(`${key} must be an object, not ${describe(value)}`, `/${key}`)
  }
  return value
}

/** A value JSON can carry at the top of an argument (the core checks its shape). */
function requireValue(value, key) {
  const kind = typeof value
  if (value === undefined || kind === 'function' || kind === 'symbol' || kind === 'bigint') {
    throw inputError(`${key} is required and must be json data, not ${kind}`, `/${key}`)
  }
  return value
}

/** A `YYYY-MM-DD` string, or a `Date` (its UTC calendar day). */
function dateText(value, key) {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw inputError(`${key} is an invalid Date`, `/${key}`)
    return value.toISOString().slice(0, 10)
  }
  return requireString(value, key)
}

/** The date the binding uses when the caller gives none (UTC today). The core never reads the clock. */
function todayUtc() {
  return new Date().toISOString().slice(0, 10)
}

// ---- options ---------------------------------------------------------------------------

// camelCase option -> [wire key, conversion]. Dates marked `today` default to todayUtc().
const OPTIONS = {
  asOf: ['as_of', 'today'],
  at: ['at', 'today'],
  lastSubmittedOn: ['last_submitted_on', 'date'],
  policy: ['policy', 'json'],
  catalogue: ['catalogue', 'json'],
  rulesVersion: ['rules_version', 'string'],
  reveal: ['reveal', 'boolean'],
  ssnBased: ['ssn_based', 'boolean'],
}

function optionValue(name, kind, value) {
  if (kind === 'today') return value === undefined || value === null ? todayUtc() : dateText(value, name)
  if (value === undefined || value === null) return undefined
  if (kind === 'date') return dateText(value, name)
  if (kind === 'string') return requireString(value, name)
  if (kind === 'boolean') {
    if (typeof value !== 'boolean') throw inputError(`${name} must be a boolean, not ${describe(value)}`, `/${name}`)
    return value || undefined
  }
  return requireValue(value, name)
}

/** Adds the allowed camelCase options to `args` under their snake_case keys. */
function withOptions(args, options, allowed) {
  if (options === undefined || options === null) options = {}
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw inputError(`options must be an object, not ${describe(options)}`, '/options')
  }
  const names = allowed.map((n) => n.replace('?', ''))
  for (const name of Object.keys(options)) {
    if (!names.includes(name)) {
      throw new CtpatError(`unknown option \`${name}\`; expected one of ${names.join(', ')}`, 'unknown_field', `/${name}`)
    }
  }
  for (const entry of allowed) {
    // A trailing `?` marks a date option without the today default.
    const name = entry.replace('?', '')
    const [key, kind] = OPTIONS[name]
    const value = optionValue(name, entry.endsWith('?') ? 'date' : kind, options[name])
    if (value !== undefined) args[key] = value
  }
  return args
}

const DATED = ['asOf', 'policy', 'rulesVersion']
const UNDATED = ['policy', 'rulesVersion']

// ---- generic calls -----------------------------------------------------------------------

/** Runs any core operation by name on an object of named (snake_case) arguments. */
function call(op, args = {}) {
  return decode(native.callJson(requireString(op, 'op'), encode(args)))
}

/** Sends the encodable texts in one native call; encoding failures keep their place. */
function runMany(op, texts, nativeMany) {
  const good = texts.filter((t) => typeof t === 'string')
  const merge = (answers) => {
    let next = 0
    return texts.map((t) => (typeof t === 'string' ? settle(answers[next++]) : t))
  }
  const out = nativeMany(op, good)
  return out instanceof Promise ? out.then(merge) : merge(out)
}

/**
 * Runs one operation on many argument objects in one native call. Each element of the result
 * is the answer, or a `CtpatError` for a call that failed (one bad record loses nothing else).
 */
function callMany(op, calls) {
  return runMany(requireString(op, 'op'), requireArray(calls, 'calls').map(tryEncode), native.callJsonMany)
}

/** Like `callMany`, on the libuv thread pool; the event loop stays free. */
async function callManyAsync(op, calls) {
  return runMany(requireString(op, 'op'), requireArray(calls, 'calls').map(tryEncode), native.callJsonManyAsync)
}

/**
 * Texts for many calls that differ in one argument: the shared options are encoded once and
 * each record is spliced in front of them.
 */
function spliced(key, records, shared, name = 'records') {
  requireArray(records, name)
  const tail = encode(shared).slice(1)
  const sep = tail === '}' ? '' : ','
  return records.map((record) => {
    const text = tryEncode(record)
    return typeof text === 'string' ? `{"${key}":${text}${sep}${tail}` : text
  })
}

/** One call run on the thread pool; resolves to the answer or rejects with its CtpatError. */
async function callAsync(op, args) {
  const [answer] = await callManyAsync(op, [args])
  if (answer instanceof CtpatError) throw answer
  return answer
}

// ---- catalogue, versions ---------------------------------------------------------------

/** Lists every core operation with a one-line summary. */
const operations = () => call('operations')
/** The crate, rules and schema versions of this build. */
const versions = () => call('versions')

// ---- identifiers -------------------------------------------------------------------------

/** Normalises and checks one identifier of a declared kind. */
function checkIdentifier(kind, text, options) {
  const args = { kind: requireString(kind, 'kind'), text: requireString(text, 'text') }
  // The core reads `as_of` only for advisory date checks, so here it has no default.
  return call('check_identifier', withOptions(args, options, ['reveal', 'ssnBased', 'asOf?']))
}

/** Every identifier check rule with its code, severity and source. */
const identifierRules = () => call('identifier_rules')

/** Builds a manufacturer identification code (MID) from name and address; compares `declared`. */
function constructMid(input) {
  return call('construct_mid', requireObject(input, 'input'))
}

// ---- eligibility -------------------------------------------------------------------------

/** Every business type with its CBP type, required identifiers, bond and sources. */
const businessTypes = () => call('business_types')
/** Every eligibility rule: code, business types, description, source, kind. */
const rules = () => call('rules')

/** A full policy: a preset by name, or a (partial) policy object checked and completed. */
function policy(presetOrObject) {
  return call('policy', presetOrObject === undefined ? {} : { policy: presetOrObject })
}

/** Evaluates every eligibility rule of the partner's business type. */
function checkEligibility(partner, options) {
  return call('check_eligibility', withOptions({ partner: requireValue(partner, 'partner') }, options, DATED))
}

/** Checks many partners in one native call; a bad record gives its `CtpatError` in its place. */
function checkEligibilityMany(records, options) {
  const texts = spliced('partner', records, withOptions({}, options, DATED))
  return runMany('check_eligibility', texts, native.callJsonMany)
}

/** `checkEligibilityMany` on the libuv thread pool. */
async function checkEligibilityManyAsync(records, options) {
  const texts = spliced('partner', records, withOptions({}, options, DATED))
  return runMany('check_eligibility', texts, native.callJsonManyAsync)
}

// ---- security profiles, catalogue, screening ---------------------------------------------

const PROFILE = ['asOf', 'catalogue', 'policy', 'rulesVersion']

/** Validates a security profile against the embedded (or a given) MSC catalogue. */
function validateProfile(profile, options) {
  return call('validate_profile', withOptions({ profile: requireValue(profile, 'profile') }, options, PROFILE))
}

/** Validates many profiles in one native call; a bad profile gives its `CtpatError` in place. */
function validateProfileMany(profiles, options) {
  return runMany('validate_profile', spliced('profile', profiles, withOptions({}, options, PROFILE), 'profiles'), native.callJsonMany)
}

/** `validateProfileMany` on the libuv thread pool. */
async function validateProfileManyAsync(profiles, options) {
  const texts = spliced('profile', profiles, withOptions({}, options, PROFILE), 'profiles')
  return runMany('validate_profile', texts, native.callJsonManyAsync)
}

/** The annual review window around an anniversary and whether a review is open, submitted or overdue. */
function annualReviewWindow(anniversary, options) {
  const args = { anniversary: dateText(anniversary, 'anniversary') }
  return call('annual_review_window', withOptions(args, options, ['asOf', 'lastSubmittedOn', 'policy', 'rulesVersion']))
}

function screenArgs(partners, options) {
  return withOptions({ partners: requireArray(partners, 'partners') }, options, DATED)
}

/** Screens business partners on their CTPAT, AEO (MRA) or BASC documentation, in one native call. */
function screenPartners(partners, options) {
  return call('screen_partners', screenArgs(partners, options))
}

/** `screenPartners` on the libuv thread pool (still one native call for the whole array). */
async function screenPartnersAsync(partners, options) {
  return callAsync('screen_partners', screenArgs(partners, options))
}

/** The mutual recognition arrangements used by partner screening. */
const mraTable = () => call('mra_table')
/** Every security-profile check with its severity and source. */
const profileChecks = () => call('profile_checks')
/** Every partner-screening rule with its result and source. */
const screeningRules = () => call('screening_rules')
/** The checks a user-supplied MSC catalogue must pass. */
const catalogueChecks = () => call('catalogue_checks')
/** The embedded (partial) 2019 MSC catalogue. */
const catalogue = () => call('catalogue')

/** Validates a user-supplied MSC catalogue; returns it normalised with a summary. */
function loadCatalogue(catalogueData) {
  return call('load_catalogue', { catalogue: requireValue(catalogueData, 'catalogue') })
}

// ---- membership lifecycle (state in, state out) ------------------------------------------

/** A membership that has not applied yet. */
function newMembership(businessType) {
  return call('new_membership', { business_type: requireString(businessType, 'business_type') })
}

/** Applies one lifecycle event (an object, or just its kind) by an actor; `at` defaults to today. */
function applyEvent(membership, event, actor, options) {
  const args = {
    membership: requireValue(membership, 'membership'),
    event: typeof event === 'string' ? { kind: event } : requireValue(event, 'event'),
    actor: requireString(actor, 'actor'),
  }
  return call('apply_event', withOptions(args, options, ['at', 'policy', 'rulesVersion']))
}

/** Applies every deadline consequence that took effect by `asOf`. */
function advance(membership, options) {
  return call('advance', withOptions({ membership: requireValue(membership, 'membership') }, options, DATED))
}

/** What a membership has due next on `asOf`. */
function deadlines(membership, options) {
  return call('deadlines', withOptions({ membership: requireValue(membership, 'membership') }, options, DATED))
}

/** The benefits a membership enjoys now. */
function benefits(membership, options) {
  return call('benefits', withOptions({ membership: requireValue(membership, 'membership') }, options, UNDATED))
}

/** The lifecycle transition table. */
const transitions = () => call('transitions')

/** Checks a membership audit log's hash chain. */
function verifyLog(log) {
  return call('verify_log', { log: requireValue(log, 'log') })
}

/** Rebuilds a membership from its audit log. */
function replay(businessType, log, options) {
  const args = { business_type: requireString(businessType, 'business_type'), log: requireValue(log, 'log') }
  return call('replay', withOptions(args, options, UNDATED))
}

/** Links memberships into one validation group and returns the shared schedule. */
function linkForJointValidation(memberships, group, options) {
  const args = { memberships: requireValue(memberships, 'memberships'), group: requireString(group, 'group') }
  return call('link_for_joint_validation', withOptions(args, options, ['policy']))
}

// ---- portal access control -----------------------------------------------------------------

/** Decides whether a principal may take an action in a portal account. */
function authorize(principal, action, account, options) {
  const args = {
    principal: requireValue(principal, 'principal'),
    action: requireString(action, 'action'),
    account: requireValue(account, 'account'),
  }
  return call('authorize', withOptions(args, options, DATED))
}

/** Checks a portal account's contact and user invariants. */
function validateAccount(account, options) {
  return call('validate_account', withOptions({ account: requireValue(account, 'account') }, options, UNDATED))
}

function accountOp(op, principal, account, extra, options) {
  const args = { principal: requireValue(principal, 'principal'), account: requireValue(account, 'account') }
  for (const [key, value] of Object.entries(extra)) args[key] = requireString(value, key)
  return call(op, withOptions(args, options, DATED))
}

/** Designates a new user of a portal account (primary POC only). */
const addUser = (principal, account, email, options) => accountOp('add_user', principal, account, { email }, options)
/** Removes a designated user of a portal account (primary POC only). */
const removeUser = (principal, account, email, options) => accountOp('remove_user', principal, account, { email }, options)
/** Hands the primary POC role to another contact. */
const changePrimaryPoc = (principal, account, email, options) =>
  accountOp('change_primary_poc', principal, account, { email }, options)
/** Changes a contact's or user's e-mail (delete and re-add). */
const changeEmail = (principal, account, oldEmail, newEmail, options) =>
  accountOp('change_email', principal, account, { old_email: oldEmail, new_email: newEmail }, options)
/** Links another account for a joint review. */
const linkAccounts = (principal, account, otherAccountId, options) =>
  accountOp('link_accounts', principal, account, { other_account_id: otherAccountId }, options)
/** Removes the link to another account. */
const unlinkAccounts = (principal, account, otherAccountId, options) =>
  accountOp('unlink_accounts', principal, account, { other_account_id: otherAccountId }, options)

/** Splits a Portal 2.0 company profile into one account per security model. */
function splitCompanyProfile(profile, options) {
  return call('split_company_profile', withOptions({ profile: requireValue(profile, 'profile') }, options, ['rulesVersion']))
}

/** The portal access rules in evaluation order and the account invariants. */
const accessRules = () => call('access_rules')

module.exports = {
  CtpatError,
  VERSION: native.VERSION,
  RULES_VERSION: native.RULES_VERSION,
  SCHEMA_VERSION: native.SCHEMA_VERSION,
  todayUtc,
  call,
  callMany,
  callManyAsync,
  operations,
  versions,
  // identifiers
  checkIdentifier,
  identifierRules,
  constructMid,
  // eligibility
  businessTypes,
  rules,
  policy,
  checkEligibility,
  checkEligibilityMany,
  checkEligibilityManyAsync,
  // profiles, catalogue, screening
  validateProfile,
  validateProfileMany,
  validateProfileManyAsync,
  annualReviewWindow,
  screenPartners,
  screenPartnersAsync,
  mraTable,
  profileChecks,
  screeningRules,
  catalogueChecks,
  loadCatalogue,
  catalogue,
  // lifecycle
  newMembership,
  applyEvent,
  advance,
  deadlines,
  benefits,
  transitions,
  verifyLog,
  replay,
  linkForJointValidation,
  // portal
  authorize,
  validateAccount,
  addUser,
  removeUser,
  changePrimaryPoc,
  changeEmail,
  linkAccounts,
  unlinkAccounts,
  splitCompanyProfile,
  accessRules,
}
