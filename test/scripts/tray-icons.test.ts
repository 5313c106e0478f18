import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { trayIcons } from '../../scripts/tray-icons.mjs'

const resources = join(import.meta.dirname, '..', '..', 'resources')

/** Width, height and RGBA pixels of a PNG written the way the script writes them. */
function readPng(png: Buffer) {
  const width = png.readUInt32BE(16)
  const height = png.readUInt32BE(20)
  expect(png.subarray(24, 26)).toEqual(Buffer.from([8, 6]))
  const idat = png.indexOf('IDAT')
  const rows = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)))
  const pixels: Array<[number, number, number, number]> = []
  for (let y = 0; y < height; y++) {
    expect(rows[y * (1 + width * 4)]).toBe(0)
    for (let x = 0; x < width; x++) {
      const at = y * (1 + width * 4) + 1 + x * 4
      pixels.push([rows[at]!, rows[at + 1]!, rows[at + 2]!, rows[at + 3]!])
    }
  }
  return { width, height, pixels }
}

const luminance = ([r, g, b]: number[]) => 0.2126 * r! + 0.7152 * g! + 0.0722 * b!

describe('the tray icons', () => {
  const icons = trayIcons()

  it('are the ones the script draws, each at 1x and 2x', () => {
    expect(icons.map((icon) => icon.file).sort()).toEqual([
      'tray-on-dark.png',
      'tray-on-dark@2x.png',
      'tray-on-light.png',
      'tray-on-light@2x.png',
      'trayTemplate.png',
      'trayTemplate@2x.png',
    ])
    for (const { file, png } of icons) {
      expect(
        readFileSync(join(resources, file)).equals(png),
        `${file}: run node scripts/tray-icons.mjs`,
      ).toBe(true)
      const { width, height } = readPng(png)
      expect([width, height]).toEqual(file.includes('@2x') ? [32, 32] : [16, 16])
    }
  })

  it('stand out from the panel they are made for', () => {
    const glyph = (file: string) =>
      readPng(icons.find((icon) => icon.file === file)!.png).pixels.filter(([, , , a]) => a > 128)
    const onDark = glyph('tray-on-dark.png')
    const onLight = glyph('tray-on-light.png')
    // Enough of the square is drawn to be seen, and the same shape in both.
    expect(onDark.length).toBeGreaterThan(40)
    expect(onLight.length).toBe(onDark.length)
    for (const pixel of onDark) expect(luminance(pixel)).toBeGreaterThan(200)
    for (const pixel of onLight) expect(luminance(pixel)).toBeLessThan(60)
    // The template is black: macOS uses only its alpha.
    for (const pixel of glyph('trayTemplate@2x.png')) expect(pixel.slice(0, 3)).toEqual([0, 0, 0])
  })
})
