// Draws the tray icons from one shape: `node scripts/tray-icons.mjs` writes them to
// resources/. macOS takes a black template image and tints it itself; Windows and Linux
// show the colors as they are, so they get a light glyph for dark panels and a dark one for
// light panels. No image library: a few rectangles and a triangle, antialiased by
// supersampling, written as PNG with Node's zlib.
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { crc32, deflateSync } from 'node:zlib'

// The glyph on a 16-unit square: an arrow dropping into an inbox tray.
const rectangles = [
  [7.25, 1.5, 8.75, 7], // the arrow's stem
  [1.5, 8.5, 3, 14.5], // the tray's left wall
  [13, 8.5, 14.5, 14.5], // its right wall
  [1.5, 13, 14.5, 14.5], // its floor
  [1.5, 8.5, 5.5, 10], // the rim left of the opening
  [10.5, 8.5, 14.5, 10], // and right of it
]
const triangles = [
  [
    [4.5, 5.5],
    [11.5, 5.5],
    [8, 9.5],
  ], // the arrow's head
]

const side = (a, b, p) => (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])
function inside(x, y) {
  for (const [left, top, right, bottom] of rectangles) {
    if (x >= left && x < right && y >= top && y < bottom) return true
  }
  return triangles.some(([a, b, c]) => {
    const p = [x, y]
    const d1 = side(a, b, p)
    const d2 = side(b, c, p)
    const d3 = side(c, a, p)
    return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0))
  })
}

/** How much of each pixel the glyph covers, 0 to 1, at `size` pixels square. */
export function coverage(size) {
  const samples = 4
  const scale = 16 / size
  const cover = new Float64Array(size * size)
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) * scale
          const y = (py + (sy + 0.5) / samples) * scale
          if (inside(x, y)) hits++
        }
      }
      cover[py * size + px] = hits / (samples * samples)
    }
  }
  return cover
}

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** An RGBA PNG of the glyph in one color, its edges in partial alpha. */
export function drawIcon(size, [red, green, blue]) {
  const cover = coverage(size)
  const rows = Buffer.alloc(size * (1 + size * 4))
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 4)
    rows[row] = 0 // no filter
    for (let x = 0; x < size; x++) {
      const at = row + 1 + x * 4
      rows[at] = red
      rows[at + 1] = green
      rows[at + 2] = blue
      rows[at + 3] = Math.round(cover[y * size + x] * 255)
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 6, 0, 0, 0], 8) // 8 bits per channel, RGBA, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** Every tray icon the app uses: a name in resources/ and its pixels. */
export function trayIcons() {
  const colors = {
    // Black: macOS reads only the alpha of a template image and tints it for the menu bar.
    trayTemplate: [0, 0, 0],
    'tray-on-dark': [255, 255, 255],
    'tray-on-light': [31, 32, 36],
  }
  return Object.entries(colors).flatMap(([name, color]) => [
    { file: `${name}.png`, png: drawIcon(16, color) },
    { file: `${name}@2x.png`, png: drawIcon(32, color) },
  ])
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const resources = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources')
  for (const { file, png } of trayIcons()) writeFileSync(join(resources, file), png)
}
