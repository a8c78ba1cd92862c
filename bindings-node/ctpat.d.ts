// Types of the public ctpat surface. Keys are snake_case, as in the JSON Schemas; the
// models in ./types.d.ts are generated from those schemas.
import type { BusinessTypeInfo, Finding, IdentifierCheck, IdentifierKind } from './types'

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
