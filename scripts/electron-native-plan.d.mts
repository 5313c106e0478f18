export function buildStamp(versions: {
  electron: string
  betterSqlite3: string
  platform: string
  arch: string
}): string

export function nodeToolCommand(tool: {
  nodePath: string
  entry: string
  args: readonly string[]
  cwd: string
}): {
  file: string
  args: string[]
  options: { cwd: string; stdio: 'inherit'; shell: false }
}
