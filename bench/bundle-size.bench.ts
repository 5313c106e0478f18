// What each window loads at start, from the built app (npm run build): the preload as is,
// each page's JavaScript gzipped. Figures beside the targets of issue #15.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { round } from './percentiles'

const out = 'out'

/** The page's entry script and every chunk it imports statically, as the window loads them. */
export function scriptsOfPage(page: string, dir = join(out, 'renderer')): string[] {
  const html = readFileSync(join(dir, page), 'utf8')
  const entries = [...html.matchAll(/<script[^>]*\ssrc="\.\/([^"]+\.js)"/g)].map((m) => m[1]!)
  const loaded = new Set<string>()
  const visit = (file: string) => {
    if (loaded.has(file)) return
    loaded.add(file)
    const code = readFileSync(join(dir, file), 'utf8')
    const folder = file.slice(0, file.lastIndexOf('/') + 1)
    // Static imports only (`import"./a.js"`, `from"./b.js"`): a dynamic import() loads later.
    for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+\.js)["']/g)) {
      visit(folder + match[1]!)
    }
  }
  entries.forEach(visit)
  return [...loaded]
}

function pageRow(name: string, page: string, targetKb: number) {
  const files = scriptsOfPage(page)
  const bytes = files.map((file) => readFileSync(join(out, 'renderer', file)))
  const gzipped = bytes.reduce((sum, code) => sum + gzipSync(code, { level: 9 }).length, 0)
  const kilobytes = round(gzipped / 1024, 1)
  return {
    name,
    files: files.length,
    rawKb: round(bytes.reduce((sum, code) => sum + code.length, 0) / 1024, 1),
    kilobytes,
    target: `at most ${targetKb} kB gzipped`,
    passed: kilobytes <= targetKb,
  }
}

export function benchBundleSizes() {
  const preload = readFileSync(join(out, 'preload', 'index.js')).length
  return [
    {
      name: 'bundle: preload',
      kilobytes: round(preload / 1024, 1),
      target: 'at most 10 kB',
      passed: preload <= 10 * 1024,
    },
    pageRow('bundle: quick-add window JavaScript', 'quick-add.html', 80),
    pageRow('bundle: main window JavaScript', 'index.html', 180),
  ]
}
