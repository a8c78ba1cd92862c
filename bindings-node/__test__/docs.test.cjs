// Every ```js block of the docs and the README runs as written (blocks of a page in one file).
const { test } = require('node:test')
const assert = require('node:assert/strict')
const { execFileSync } = require('node:child_process')
const { readdirSync, readFileSync, writeFileSync, rmSync } = require('node:fs')
const path = require('node:path')

const root = path.join(__dirname, '..', '..')
const pages = readdirSync(path.join(root, 'docs'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => path.join(root, 'docs', f))
  .concat([path.join(root, 'README.md')])
const blocks = (page) => [...readFileSync(page, 'utf8').matchAll(/^```js\n([\s\S]*?)^```/gm)].map((m) => m[1])

test('the docs have js examples', () => {
  assert.ok(pages.reduce((n, p) => n + blocks(p).length, 0) >= 2)
})

for (const page of pages.filter((p) => blocks(p).length > 0)) {
  test(`js blocks run: ${path.basename(page)}`, () => {
    // Inside the package folder, require('ctpat') resolves to this package (self-reference).
    const file = path.join(__dirname, '..', `.docs-${path.basename(page, '.md')}.cjs`)
    writeFileSync(file, blocks(page).join('\n;\n'))
    try {
      execFileSync('node', [file], { stdio: 'pipe' })
    } finally {
      rmSync(file, { force: true })
    }
  })
}
