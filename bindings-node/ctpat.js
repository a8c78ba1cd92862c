'use strict'
// The public JavaScript surface of ctpat: camelCase functions over the core's JSON API.
// Conversion only — every rule lives in the Rust core. Arguments and answers are plain
// objects with the same snake_case keys as the JSON Schemas and the shared fixtures.

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

function encode(args) {
  try {
    return JSON.stringify(args)
  } catch (err) {
    throw new CtpatError(`arguments are not json-serialisable: ${err.message}`, 'invalid_input', '')
  }
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

function requireString(value, name) {
  if (typeof value !== 'string') {
    const err = new TypeError(`${name} must be a string, not ${value === null ? 'null' : typeof value}`)
    err.code = 'invalid_input'
    err.path = `/${name}`
    err.findings = []
    throw err
  }
  return value
}

function optionalDate(value, name) {
  if (value === undefined || value === null) return undefined
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) requireString(undefined, name)
    return value.toISOString().slice(0, 10)
  }
  return requireString(value, name)
}

/** The date the binding uses when the caller gives none (UTC today). The core never reads the clock. */
function todayUtc() {
  return new Date().toISOString().slice(0, 10)
}

/** Runs any core operation by name on an object of named (snake_case) arguments. */
function call(op, args = {}) {
  return decode(native.callJson(requireString(op, 'op'), encode(args)))
}

/**
 * Runs one operation on many argument objects in one native call. Each element of the result
 * is the answer, or a `CtpatError` for a call that failed (one bad record loses nothing else).
 */
function callMany(op, calls) {
  if (!Array.isArray(calls)) throw new TypeError('calls must be an array')
  return native.callJsonMany(requireString(op, 'op'), calls.map(encode)).map(settle)
}

/** Like `callMany`, on the libuv thread pool; the event loop stays free. */
async function callManyAsync(op, calls) {
  if (!Array.isArray(calls)) throw new TypeError('calls must be an array')
  const out = await native.callJsonManyAsync(requireString(op, 'op'), calls.map(encode))
  return out.map(settle)
}

/** Lists every core operation with a one-line summary. */
function operations() {
  return call('operations')
}

/** Normalises and checks one identifier of a declared kind. */
function checkIdentifier(kind, text, options = {}) {
  const args = { kind: requireString(kind, 'kind'), text: requireString(text, 'text') }
  if (options.reveal) args.reveal = true
  if (options.ssnBased) args.ssn_based = true
  const asOf = optionalDate(options.asOf, 'asOf')
  if (asOf !== undefined) args.as_of = asOf
  return call('check_identifier', args)
}

/** Every business type with its CBP type, required identifiers, bond and sources. */
function businessTypes() {
  return call('business_types')
}

/** Adds the common options: `asOf` (default today, UTC), `policy`, `rulesVersion`. */
function common(args, options = {}, { asOf = true } = {}) {
  if (options === null || typeof options !== 'object') throw new TypeError('options must be an object')
  if (asOf) args.as_of = optionalDate(options.asOf, 'asOf') ?? todayUtc()
  if (options.policy !== undefined && options.policy !== null) args.policy = options.policy
  if (options.rulesVersion !== undefined) args.rules_version = requireString(options.rulesVersion, 'rulesVersion')
  return args
}

function requireObject(value, name) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const err = new TypeError(`${name} must be an object`)
    err.code = 'invalid_input'
    err.path = `/${name}`
    err.findings = []
    throw err
  }
  return value
}

/** A full policy: a preset by name, or a (partial) policy object checked and completed. */
function policy(presetOrObject) {
  return call('policy', presetOrObject === undefined ? {} : { policy: presetOrObject })
}

/** Evaluates every eligibility rule of the partner's business type. */
function checkEligibility(partner, options = {}) {
  return call('check_eligibility', common({ partner: requireObject(partner, 'partner') }, options))
}

function eligibilityCalls(records, options) {
  if (!Array.isArray(records)) throw new TypeError('records must be an array')
  const base = common({}, options)
  return records.map((partner) => ({ ...base, partner }))
}

/** Checks many partners in one native call; a bad record gives its `CtpatError` in its place. */
function checkEligibilityMany(records, options = {}) {
  return callMany('check_eligibility', eligibilityCalls(records, options))
}

/** `checkEligibilityMany` on the libuv thread pool. */
function checkEligibilityManyAsync(records, options = {}) {
  return callManyAsync('check_eligibility', eligibilityCalls(records, options))
}

/** Every eligibility rule: code, business types, description, source, kind. */
function rules() {
  return call('rules')
}

module.exports = {
  policy,
  checkEligibility,
  checkEligibilityMany,
  checkEligibilityManyAsync,
  rules,
  CtpatError,
  VERSION: native.VERSION,
  RULES_VERSION: native.RULES_VERSION,
  SCHEMA_VERSION: native.SCHEMA_VERSION,
  call,
  callMany,
  callManyAsync,
  operations,
  checkIdentifier,
  businessTypes,
  todayUtc,
}
