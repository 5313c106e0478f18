// The decisions of electron-native.mjs, kept pure so they can be tested on any platform.

/**
 * What the Electron build in .electron-native/ was made from. Any change (a new Electron, a
 * better-sqlite3 update, another platform or architecture) means the build is stale.
 */
export function buildStamp({ electron, betterSqlite3, platform, arch }) {
  return `electron-${electron}+better-sqlite3-${betterSqlite3}-${platform}-${arch}`
}

/**
 * How to run a Node tool: its JavaScript entry under this very Node, never through a shell.
 * A shell would split an unquoted `C:\Program Files\nodejs\node.exe` (or a project folder
 * with a space) at the space on Windows; without one, each argument reaches the tool whole.
 */
export function nodeToolCommand({ nodePath, entry, args, cwd }) {
  return {
    file: nodePath,
    args: [entry, ...args],
    options: { cwd, stdio: 'inherit', shell: false },
  }
}
