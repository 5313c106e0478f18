import { chmod, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

// @electron/fuses finds the fuse wire after this sentinel in Electron's binary.
const fuseSentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'

/**
 * Electron's fuse wire as a release ships it, by @electron/fuses' V1 index: RunAsNode on,
 * cookie encryption off, NODE_OPTIONS on, inspect arguments on, asar integrity off, only
 * from asar off, browser V8 snapshot off, file:// privileges on, WASM trap handlers on.
 */
export const shippedFuseWire = '101100011'

/**
 * Electron's binary cannot be downloaded here, so electron-builder packages a stand-in
 * distribution: an executable named `electron` that carries a real fuse wire, so flipping
 * the fuses runs as it would on Electron itself.
 */
export async function writeStandInElectron(dir: string): Promise<string> {
  await mkdir(join(dir, 'resources'), { recursive: true })
  const wire = Buffer.concat([
    Buffer.from(`#!/bin/sh\necho "stand-in Electron"\nexit 0\n# `),
    Buffer.from(fuseSentinel),
    Buffer.from([1, shippedFuseWire.length]),
    Buffer.from(shippedFuseWire),
    Buffer.from('\n'),
  ])
  const executable = join(dir, 'electron')
  await writeFile(executable, wire)
  await chmod(executable, 0o755)
  await writeFile(join(dir, 'LICENSE'), 'stand-in\n')
  await writeFile(join(dir, 'version'), '45.5.0')
  return dir
}
