/**
 * Why pasted text or a dropped file could not be read, in words for the user. Anything else
 * thrown while reading is a fault of the app, not of the file.
 */
export class CaptureProblem extends Error {
  override name = 'CaptureProblem'
}
