// Checks a few identifiers and lists the business types (run: ./run example).
import ctpat from '../../bindings-node/ctpat.mjs'

console.log(`node: ctpat ${ctpat.VERSION} (rules ${ctpat.RULES_VERSION})`)
for (const [kind, text] of [
  ['irs_number', '27-4418203-00'],
  ['ssn', '123-45-6789'],
  ['scac', 'qwr4'],
  ['mid', 'MXNORTEX4821MON'],
]) {
  const check = ctpat.checkIdentifier(kind, text)
  console.log(`  ${kind.padEnd(12)} ${(check.display ?? '-').padEnd(18)} ${check.valid ? 'valid' : 'invalid'}`)
  for (const f of check.findings) console.log(`      ${f.severity} ${f.code}: ${f.message}`)
}
const types = ctpat.businessTypes()
console.log(`  ${types.length} business types, e.g. ${types[0].name}`)
