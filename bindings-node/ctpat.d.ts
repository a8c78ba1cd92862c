// Types of the public ctpat surface. Keys are snake_case, as in the JSON Schemas; the
// models in ./types.d.ts are generated from those schemas.
import type {
  BusinessTypeInfo,
  EligibilityReport,
  Finding,
  IdentifierCheck,
  IdentifierKind,
  Partner,
  Policy,
  RuleInfo,
} from './types'

export * from './types'

/** Options of `checkIdentifier`. */
export interface CheckIdentifierOptions {
  /** Return a personal identifier's `normalized` value in full (default: redacted). */
  reveal?: boolean
  /** For `irs_number`: the IOR is SSN-based, hence personal data. */
  ssnBased?: boolean
  /** Date for advisory date checks (`YYYY-MM-DD` or a `Date`). */
  asOf?: string | Date
}

/** Error thrown by every ctpat function. */
export declare class CtpatError extends Error {
  /** Stable code, e.g. `unknown_identifier_kind`, `invalid_input`, `invalid_date`. */
  readonly code: string
  /** JSON Pointer of the bad field (`''` for the whole input). */
  readonly path: string
  readonly findings: Finding[]
}

export declare const VERSION: string
export declare const RULES_VERSION: string
export declare const SCHEMA_VERSION: string

/** Runs any core operation by name on an object of named snake_case arguments. */
export declare function call(op: string, args?: Record<string, unknown>): unknown
/** One native call for many argument objects; failed calls give a `CtpatError` in their place. */
export declare function callMany(op: string, calls: Array<Record<string, unknown>>): Array<unknown>
/** `callMany` on the libuv thread pool. */
export declare function callManyAsync(op: string, calls: Array<Record<string, unknown>>): Promise<Array<unknown>>
/** Every core operation with a one-line summary. */
export declare function operations(): Array<{ name: string; summary: string }>
/** Normalises and checks one identifier of a declared kind. */
export declare function checkIdentifier(kind: IdentifierKind, text: string, options?: CheckIdentifierOptions): IdentifierCheck
/** Every business type with its requirements. */
export declare function businessTypes(): BusinessTypeInfo[]
/** Today's date in UTC (`YYYY-MM-DD`): what the binding uses when `asOf` is omitted. */
export declare function todayUtc(): string

/** A policy preset name or a (partial) policy object. */
export type PolicyInput = 'current' | 'portal_2006' | 'portal_2006_importers_july' | Partial<Policy>

/** Options shared by time-dependent calls. */
export interface CommonOptions {
  /** The date of the answer (`YYYY-MM-DD` or a `Date`); default today in UTC. */
  asOf?: string | Date
  /** A preset name or a policy object; default `current`. */
  policy?: PolicyInput
  /** The rules edition you expect; another edition is refused. */
  rulesVersion?: string
}

/** A full policy: a preset by name, or a (partial) policy object checked and completed. */
export declare function policy(presetOrObject?: PolicyInput): Policy
/** Evaluates every eligibility rule of the partner's business type. */
export declare function checkEligibility(partner: Partner | Record<string, unknown>, options?: CommonOptions): EligibilityReport
/** Many partners in one native call; a record that cannot be understood gives its error in place. */
export declare function checkEligibilityMany(
  records: Array<Partner | Record<string, unknown>>,
  options?: CommonOptions,
): Array<EligibilityReport | CtpatError>
/** `checkEligibilityMany` on the libuv thread pool. */
export declare function checkEligibilityManyAsync(
  records: Array<Partner | Record<string, unknown>>,
  options?: CommonOptions,
): Promise<Array<EligibilityReport | CtpatError>>
/** Every eligibility rule. */
export declare function rules(): RuleInfo[]
