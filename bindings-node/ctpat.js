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

/**
 * The options a function accepts, compiled once: `[name, wire key, conversion]` in order. A
 * trailing `?` marks a date option without the today default.
 */
function optionSpec(allowed) {
  const entries = allowed.map((entry) => {
    const name = entry.replace('?', '')
    const [key, kind] = OPTIONS[name]
    return [name, key, entry.endsWith('?') ? 'date' : kind]
  })
  const names = entries.map(([name]) => name)
  return { entries, names: new Set(names), list: names.join(', '), today: entries.filter(([, , kind]) => kind === 'today') }
}

/** Adds the options of `spec` to `args` under their snake_case keys. */
function withOptions(args, options, spec) {
  if (options === undefined || options === null) {
    // The common case: nothing to check, only the today defaults.
    for (const [, key] of spec.today) args[key] = todayUtc()
    return args
  }
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw inputError(`options must be an object, not ${describe(options)}`, '/options')
  }
  for (const name in options) {
    if (Object.hasOwn(options, name) && !spec.names.has(name)) {
      throw new CtpatError(`unknown option \`${name}\`; expected one of ${spec.list}`, 'unknown_field', `/${name}`)
    }
  }
  for (const [name, key, kind] of spec.entries) {
    const value = optionValue(name, kind, options[name])
    if (value !== undefined) args[key] = value
  }
  return args
}

const DATED = optionSpec(['asOf', 'policy', 'rulesVersion'])
const UNDATED = optionSpec(['policy', 'rulesVersion'])
const NONE = optionSpec([])
const IDENTIFIER = optionSpec(['reveal', 'ssnBased', 'asOf?'])
const REVIEW_WINDOW = optionSpec(['asOf', 'lastSubmittedOn', 'policy', 'rulesVersion'])
const EVENT = optionSpec(['at', 'policy', 'rulesVersion'])
const RULES_ONLY = optionSpec(['rulesVersion'])

// ---- generic calls -----------------------------------------------------------------------

/** Runs any core operation by name on an object of named (snake_case) arguments. */
function call(op, args = {}) {
  return decode(native.callJson(requireString(op, 'op'), encode(args)))
}

// Batches run in chunks of CHUNK_SIZE records per native call: the call texts and answer
// texts of one chunk die young, instead of 2 x n large strings outliving many scavenges
// (one native call for 20 000 records of 2 KB was slower than a loop of single calls).
const CHUNK_SIZE = 256
// Chunks of one async batch on the libuv thread pool at once; the loop meanwhile encodes the
// next chunk and decodes the last one.
const ASYNC_WINDOW = 2

/** `chunkSize` of a batch's options: a positive integer, default CHUNK_SIZE. */
function chunkOption(options) {
  if (options === undefined || options === null || typeof options !== 'object' || !('chunkSize' in options)) {
    return [CHUNK_SIZE, options]
  }
  const { chunkSize, ...rest } = options
  if (chunkSize === undefined || chunkSize === null) return [CHUNK_SIZE, rest]
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1) {
    const got = typeof chunkSize === 'number' ? `\`${chunkSize}\`` : describe(chunkSize)
    throw inputError(`chunkSize must be a positive integer, not ${got}`, '/chunkSize')
  }
  return [chunkSize, rest]
}

/**
 * A batch: `op` run once per item. Without `key`, each item is a whole argument object. With
 * `key`, each item is the value of argument `key` and `shared` (JSON text of an object) holds the
 * other arguments: an object item is encoded here and spliced in front of them; a string item (or
 * UTF-8 bytes) is JSON text, which Rust checks to be exactly one JSON value before splicing it in.
 */
function batch(op, items, chunk, key, shared = '{}') {
  const tail = shared === '{}' ? '}' : `,${shared.slice(1)}`
  return { op, items, chunk, key, shared, tail }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true })

/** The text of a record given as UTF-8 bytes (a Buffer or typed array), or its CtpatError. */
function utf8Text(bytes, key) {
  try {
    return UTF8.decode(bytes)
  } catch {
    return new CtpatError(`\`${key}\` is not valid utf-8`, 'invalid_json', `/${key}`)
  }
}

/** Starts the native calls of items [from, to); `finish()` then places their answers in `out`. */
function startChunk(job, from, to, out, many, manySpliced) {
  const { items, key } = job
  const callAt = []
  const calls = []
  const textAt = []
  const texts = []
  for (let i = from; i < to; i++) {
    let item = items[i]
    if (key !== undefined && ArrayBuffer.isView(item)) {
      item = utf8Text(item, key)
      if (item instanceof CtpatError) {
        out[i] = item
        continue
      }
    }
    if (key !== undefined && typeof item === 'string') {
      textAt.push(i)
      texts.push(item)
      continue
    }
    const text = tryEncode(item)
    if (typeof text !== 'string') {
      out[i] = text
    } else {
      callAt.push(i)
      calls.push(key === undefined ? text : `{"${key}":${text}${job.tail}`)
    }
  }
  const answers = calls.length ? many(job.op, calls) : calls
  const textAnswers = texts.length ? manySpliced(job.op, key, job.shared, texts) : texts
  const place = (at, got) => {
    for (let j = 0; j < at.length; j++) out[at[j]] = settle(got[j])
  }
  return { answers, textAnswers, finish: (a, b) => (place(callAt, a), place(textAt, b)) }
}

/** Runs a batch chunk by chunk; one answer or `CtpatError` per item, in order. */
function runBatch(job) {
  const n = job.items.length
  const out = new Array(n)
  for (let from = 0; from < n; from += job.chunk) {
    const c = startChunk(job, from, Math.min(n, from + job.chunk), out, native.callJsonMany, native.callJsonManySpliced)
    c.finish(c.answers, c.textAnswers)
  }
  return out
}

/**
 * `runBatch` on the libuv thread pool, at most ASYNC_WINDOW chunks at a time. Records are encoded
 * chunk by chunk while the Promise is pending (the array itself is copied at once).
 */
async function runBatchAsync(job) {
  job = { ...job, items: job.items.slice() }
  const n = job.items.length
  const out = new Array(n)
  let next = 0
  const worker = async () => {
    while (next < n) {
      const from = next
      next = Math.min(n, from + job.chunk)
      const c = startChunk(job, from, next, out, native.callJsonManyAsync, native.callJsonManySplicedAsync)
      c.finish(await c.answers, await c.textAnswers)
    }
  }
  const workers = []
  for (let w = 0; w < ASYNC_WINDOW && w * job.chunk < n; w++) workers.push(worker())
  await Promise.all(workers)
  return out
}

/**
 * Runs one operation on many argument objects, in native calls of `chunkSize` (default 256)
 * calls. Each element of the result is the answer, or a `CtpatError` for a call that failed
 * (one bad record loses nothing else).
 */
function callMany(op, calls, options) {
  return runBatch(callBatch(op, calls, options))
}

/** Like `callMany`, on the libuv thread pool; the event loop stays free. */
async function callManyAsync(op, calls, options) {
  return runBatchAsync(callBatch(op, calls, options))
}

function callBatch(op, calls, options) {
  requireString(op, 'op')
  requireArray(calls, 'calls')
  const [chunk, rest] = chunkOption(options)
  withOptions({}, rest, NONE) // `chunkSize` is the only option
  return batch(op, calls, chunk)
}

/**
 * A batch of calls that differ in one argument `key`: each record is an object (encoded here)
 * or the JSON text of one (checked and spliced in by Rust, never parsed in JavaScript); the
 * other arguments come from `options`, encoded once.
 */
function recordBatch(op, key, records, options, allowed, name) {
  const [chunk, rest] = chunkOption(options)
  const shared = encode(withOptions({}, rest, allowed))
  return batch(op, requireArray(records, name), chunk, key, shared)
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
  return call('check_identifier', withOptions(args, options, IDENTIFIER))
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

/**
 * Checks many partners, each an object or JSON text (a string or UTF-8 bytes, checked by Rust and
 * never parsed here), in native calls of `chunkSize` (default 256) records; a bad record gives
 * its `CtpatError` in its place.
 */
function checkEligibilityMany(records, options) {
  return runBatch(recordBatch('check_eligibility', 'partner', records, options, DATED, 'records'))
}

/**
 * `checkEligibilityMany` on the libuv thread pool. Do not change the record objects until the
 * Promise settles: later chunks are encoded while it is pending.
 */
async function checkEligibilityManyAsync(records, options) {
  return runBatchAsync(recordBatch('check_eligibility', 'partner', records, options, DATED, 'records'))
}

// ---- security profiles, catalogue, screening ---------------------------------------------

const PROFILE = optionSpec(['asOf', 'catalogue', 'policy', 'rulesVersion'])

/** Validates a security profile against the embedded (or a given) MSC catalogue. */
function validateProfile(profile, options) {
  return call('validate_profile', withOptions({ profile: requireValue(profile, 'profile') }, options, PROFILE))
}

/** Validates many profiles (objects or JSON text) in chunked native calls; a bad profile gives its `CtpatError` in place. */
function validateProfileMany(profiles, options) {
  return runBatch(recordBatch('validate_profile', 'profile', profiles, options, PROFILE, 'profiles'))
}

/** `validateProfileMany` on the libuv thread pool. */
async function validateProfileManyAsync(profiles, options) {
  return runBatchAsync(recordBatch('validate_profile', 'profile', profiles, options, PROFILE, 'profiles'))
}

/** The annual review window around an anniversary and whether a review is open, submitted or overdue. */
function annualReviewWindow(anniversary, options) {
  const args = { anniversary: dateText(anniversary, 'anniversary') }
  return call('annual_review_window', withOptions(args, options, REVIEW_WINDOW))
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
function newMembership(businessType, options) {
  const args = { business_type: requireString(businessType, 'business_type') }
  return call('new_membership', withOptions(args, options, RULES_ONLY))
}

/** Applies one lifecycle event (an object, or just its kind) by an actor; `at` defaults to today. */
function applyEvent(membership, event, actor, options) {
  const args = {
    membership: requireValue(membership, 'membership'),
    event: typeof event === 'string' ? { kind: event } : requireValue(event, 'event'),
    actor: requireString(actor, 'actor'),
  }
  return call('apply_event', withOptions(args, options, EVENT))
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
function verifyLog(log, options) {
  return call('verify_log', withOptions({ log: requireValue(log, 'log') }, options, RULES_ONLY))
}

/** Rebuilds a membership from its audit log. */
function replay(businessType, log, options) {
  const args = { business_type: requireString(businessType, 'business_type'), log: requireValue(log, 'log') }
  return call('replay', withOptions(args, options, UNDATED))
}

/** Links memberships into one validation group and returns the shared schedule. */
function linkForJointValidation(memberships, group, options) {
  const args = { memberships: requireValue(memberships, 'memberships'), group: requireString(group, 'group') }
  return call('link_for_joint_validation', withOptions(args, options, UNDATED))
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
  return call('split_company_profile', withOptions({ profile: requireValue(profile, 'profile') }, options, RULES_ONLY))
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
