import type { Configuration } from 'electron-builder'

/**
 * How Leadbox is packaged: `npx electron-builder --mac|--win|--linux` after `npm run build`.
 * Signing is driven by the environment (README, "Release"); without it the builds are
 * unsigned and still work locally.
 */

// The GitHub repository ("owner/name") whose Releases carry the installers and the update
// metadata. GitHub Actions sets GITHUB_REPOSITORY; a local build without it has no updates.
const repository = (process.env['LEADBOX_UPDATE_REPOSITORY'] ?? process.env['GITHUB_REPOSITORY'])
  ?.split('/')
  .filter(Boolean)

const config: Configuration = {
  appId: 'app.leadbox.desktop',
  productName: 'Leadbox',
  copyright: 'Copyright © Leadbox',
  directories: { buildResources: 'build', output: 'dist' },
  // The built app and the tray icons; electron-builder adds the production dependencies.
  files: [
    'out/**',
    'resources/**',
    'package.json',
    // Native modules need only their compiled .node file at run time, not sources or objects.
    '!**/node_modules/{better-sqlite3,keytar}/{src,deps,binding.gyp}',
    '!**/node_modules/{better-sqlite3,keytar}/build/{*.mk,Makefile,config.gypi,*.target.mk}',
    '!**/node_modules/{better-sqlite3,keytar}/build/Release/{obj,obj.target,.deps}',
    '!**/node_modules/{better-sqlite3,keytar}/build/Release/{*.a,test_extension.node}',
    '!**/node_modules/{better-sqlite3,keytar}/build/{Debug,deps,node_gyp_bins}',
  ],
  // Native modules cannot load from inside an asar; the tray hands its icon's path to the OS.
  asarUnpack: ['**/*.node', 'resources/**'],
  // CI rebuilds better-sqlite3 for Electron's ABI on each OS's runner (keytar is N-API).
  npmRebuild: true,
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableCookieEncryption: true,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },
  mac: {
    category: 'public.app-category.business',
    target: [
      { target: 'dmg', arch: ['arm64', 'x64'] },
      // The zip is what electron-updater installs from on macOS.
      { target: 'zip', arch: ['arm64', 'x64'] },
    ],
    hardenedRuntime: true,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
    // Notarized when APPLE_API_KEY, APPLE_API_KEY_ID and APPLE_API_ISSUER are set.
    notarize: true,
  },
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
  },
  nsis: {
    oneClick: true,
    perMachine: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    maintainer: 'Leadbox',
    synopsis: 'Capture Pipedrive leads from anywhere',
  },
  deb: {
    // electron-builder's own list, written out so libsecret (the keychain) stays on it.
    depends: [
      'libgtk-3-0',
      'libnotify4',
      'libnss3',
      'libxss1',
      'libxtst6',
      'xdg-utils',
      'libatspi2.0-0',
      'libuuid1',
      'libsecret-1-0',
    ],
  },
  publish:
    repository?.length === 2
      ? { provider: 'github', owner: repository[0], repo: repository[1], releaseType: 'release' }
      : null,
}

export default config
