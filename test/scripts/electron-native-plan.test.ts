import { execFileSync } from 'node:child_process'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildStamp, nodeToolCommand } from '../../scripts/electron-native-plan.mjs'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()

describe('npm start preparing better-sqlite3 for Electron', () => {
  it('builds again when Electron or better-sqlite3 changes', () => {
    const versions = { electron: '45.5.0', betterSqlite3: '12.6.2', platform: 'win32', arch: 'x64' }
    const stamp = buildStamp(versions)
    expect(buildStamp({ ...versions })).toBe(stamp)
    expect(buildStamp({ ...versions, betterSqlite3: '12.7.0' })).not.toBe(stamp)
    expect(buildStamp({ ...versions, electron: '46.0.0' })).not.toBe(stamp)
    expect(buildStamp({ ...versions, arch: 'arm64' })).not.toBe(stamp)
  })

  it('runs a tool under a Node and in a project whose paths have spaces, with no shell', () => {
    // The default Windows install is C:\Program Files\nodejs\node.exe; here the same space
    // in both the Node path and the project path.
    const root = tempDir()
    const nodeDir = join(root, 'Program Files', 'nodejs')
    const project = join(root, 'My Projects', 'leadbox app')
    mkdirSync(nodeDir, { recursive: true })
    mkdirSync(project, { recursive: true })
    const nodePath = join(nodeDir, 'node')
    symlinkSync(process.execPath, nodePath)
    const entry = join(project, 'tool bin.js')
    writeFileSync(
      entry,
      'console.log(JSON.stringify({ argv: process.argv.slice(2), cwd: process.cwd() }))',
    )

    const command = nodeToolCommand({
      nodePath,
      entry,
      args: ['--target', '45.5.0', '--dist-url=https://electronjs.org/headers'],
      cwd: project,
    })
    expect(command.options.shell).toBe(false)
    const output = execFileSync(command.file, command.args, { ...command.options, stdio: 'pipe' })
    expect(JSON.parse(output.toString())).toEqual({
      argv: ['--target', '45.5.0', '--dist-url=https://electronjs.org/headers'],
      cwd: project,
    })
  })
})
