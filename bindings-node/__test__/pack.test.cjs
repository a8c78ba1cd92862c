// `npm pack` produces a package that installs into an empty folder and works there.
const { test } = require('node:test')
const assert = require('node:assert/strict')
const { execFileSync } = require('node:child_process')
const { mkdtempSync, writeFileSync } = require('node:fs')
const { tmpdir } = require('node:os')
const path = require('node:path')

const pkgDir = path.join(__dirname, '..')
const pkg = require('../package.json')

test('npm pack installs into an empty folder, CJS and ESM', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'ctpat-pack-'))
  const [info] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: pkgDir, encoding: 'utf8' }),
  )
  assert.equal(info.version, pkg.version)
  const files = info.files.map((f) => f.path)
  for (const f of ['ctpat.js', 'ctpat.mjs', 'ctpat.d.ts', 'index.js', 'index.d.ts']) assert.ok(files.includes(f), f)
  assert.ok(files.some((f) => f.endsWith('.node')), 'native addon packed')
  const app = mkdtempSync(path.join(tmpdir(), 'ctpat-app-'))
  writeFileSync(path.join(app, 'package.json'), '{"name":"app","version":"1.0.0","private":true}')
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', path.join(out, info.filename)], { cwd: app })
  const cjs = execFileSync('node', ['-e', "console.log(require('ctpat').checkIdentifier('scac','qwrt').normalized)"], {
    cwd: app,
    encoding: 'utf8',
  })
  assert.equal(cjs.trim(), 'QWRT')
  writeFileSync(path.join(app, 'esm.mjs'), "import { VERSION } from 'ctpat'; console.log(VERSION)")
  assert.equal(execFileSync('node', ['esm.mjs'], { cwd: app, encoding: 'utf8' }).trim(), pkg.version)
  // A TypeScript consumer of the installed package type-checks (ctpat.d.ts needs types.d.ts).
  writeFileSync(
    path.join(app, 'main.ts'),
    "import { checkIdentifier } from 'ctpat'\nimport type { IdentifierKind } from 'ctpat'\n" +
      "const kind: IdentifierKind = 'scac'\nexport const valid: boolean = checkIdentifier(kind, 'QWRT').valid\n",
  )
  const tsc = path.join(pkgDir, 'node_modules', '.bin', 'tsc')
  const flags = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--types', '', 'main.ts']
  try {
    execFileSync(tsc, flags, { cwd: app, encoding: 'utf8' })
  } catch (e) {
    assert.fail(`the installed package does not type-check (is types.d.ts in package.json "files"?):\n${e.stdout}`)
  }
})
