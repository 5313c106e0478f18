import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const renderer = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/renderer/src')
const features = join(renderer, 'features')

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
}

describe('style ownership', () => {
  it('no feature imports another feature’s stylesheet', () => {
    const crossings = filesUnder(features, /\.tsx?$/).flatMap((file) => {
      const feature = relative(features, file).split('/')[0]
      return [...readFileSync(file, 'utf8').matchAll(/import\s+'([^']+\.css)'/g)].flatMap(
        ([, path]) => {
          const owner = relative(features, resolve(dirname(file), path!)).split('/')[0]
          return owner === feature ? [] : [`${relative(renderer, file)} imports ${path}`]
        },
      )
    })
    expect(crossings).toEqual([])
  })

  it('label colours are defined once, in the shared palette', () => {
    const palettes = filesUnder(renderer, /\.css$/).filter((file) =>
      /\[data-color='green'\]/.test(readFileSync(file, 'utf8')),
    )
    expect(palettes.map((file) => relative(renderer, file))).toEqual(['styles/labels.css'])
  })

  it('no stylesheet styles a block named after another feature', () => {
    const names = readdirSync(features)
    const clashes = filesUnder(features, /\.css$/).flatMap((file) => {
      const feature = relative(features, file).split('/')[0]!
      const blocks = [...readFileSync(file, 'utf8').matchAll(/^\.([a-z-]+?)(?=__|--|[\s{,:[.])/gm)]
      return blocks.flatMap(([, block]) =>
        names.some((other) => other !== feature && block === other)
          ? [`${relative(renderer, file)} styles .${block}`]
          : [],
      )
    })
    expect(clashes).toEqual([])
  })

  it('no feature draws with a class only another feature’s stylesheet defines', () => {
    const definedBy = new Map<string, Set<string>>()
    const define = (className: string, owner: string) =>
      definedBy.set(className, (definedBy.get(className) ?? new Set()).add(owner))
    for (const file of filesUnder(renderer, /\.css$/)) {
      const path = relative(renderer, file)
      const owner = path.startsWith('features/') ? path.split('/')[1]! : 'shared'
      for (const [, name] of readFileSync(file, 'utf8').matchAll(/\.([a-z][a-z0-9_-]*)/g)) {
        define(name!, owner)
      }
    }
    const borrowed = filesUnder(features, /\.tsx$/).flatMap((file) => {
      const feature = relative(features, file).split('/')[0]!
      const text = readFileSync(file, 'utf8')
      const names = [...text.matchAll(/className=(?:"([^"]+)"|\{`([^`]+)`\})/g)].flatMap(
        ([, plain, template]) => (plain ?? template ?? '').split(/\s+/),
      )
      return names.flatMap((name) => {
        const owners = definedBy.get(name)
        if (!owners || owners.has(feature) || owners.has('shared')) return []
        return [`${relative(renderer, file)} uses .${name} from ${[...owners].join(', ')}`]
      })
    })
    expect([...new Set(borrowed)]).toEqual([])
  })
})
