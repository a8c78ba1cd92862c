// A typed use of ctpat: `tsc --noEmit --strict` checks it in ./run test.
import { checkIdentifier, businessTypes, CtpatError } from 'ctpat'
import type { Finding, IdentifierCheck, BusinessType } from 'ctpat'

export function blockingFindings(kind: 'scac' | 'usdot', text: string): Finding[] {
  const check: IdentifierCheck = checkIdentifier(kind, text)
  return check.findings.filter((f) => f.severity === 'error')
}

export function carrierTypes(): BusinessType[] {
  return businessTypes()
    .filter((t) => t.required_identifiers.some((r) => r.any_of.includes('scac')))
    .map((t) => t.code)
}

export function codeOf(err: unknown): string | undefined {
  return err instanceof CtpatError ? err.code : undefined
}
