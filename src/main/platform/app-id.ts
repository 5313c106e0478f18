/**
 * The app id the installers are built with (electron-builder's `appId`); Windows matches
 * notifications to the Start menu shortcut by it. A release test holds the two equal.
 */
export const appId = 'app.leadbox.desktop'
