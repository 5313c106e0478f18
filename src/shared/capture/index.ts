/**
 * Capture from what is on screen: a contact read from a signature, a vCard, a `mailto:`
 * link or a saved email. Carries a vCard parser, a MIME parser and every country's phone
 * numbering plan, so windows load it when the user pastes or drops, not before.
 */
export { hasContact } from './contact'
export type { CapturedContact, CapturedLead } from './contact'
export { readEmailMessage } from './email-message'
export { readMailto } from './mailto'
export { readCaptureFile } from './capture-file'
export { CaptureProblem } from './capture-problem'
export { readContact } from './read-contact'
export { captureFileKind, looksLikeContact } from './recognize'
export type { CaptureFileKind } from './recognize'
export { readSignature } from './signature'
export { readVCard } from './vcard'
