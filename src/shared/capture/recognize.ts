/**
 * Telling, cheaply and without loading any parser, whether pasted text or a dropped file is
 * something the capture readers take. Both windows load this at start; the readers
 * themselves only when the user pastes or drops.
 */

/** Whether the text is (or starts with) a vCard. */
export function isVCard(text: string): boolean {
  return /^\s*BEGIN:VCARD/i.test(text)
}

/** Whether the text is a `mailto:` link. */
export function isMailto(text: string): boolean {
  return /^\s*mailto:/i.test(text)
}

/**
 * Whether pasted text is worth reading as a contact rather than typed into the line as it is:
 * several lines, a vCard or a `mailto:` link.
 */
export function looksLikeContact(text: string): boolean {
  return isVCard(text) || isMailto(text) || /\S[^\S\n]*\r?\n\s*\S/.test(text)
}

export type CaptureFileKind = 'vcard' | 'email'

/** What a dropped file holds, by its name or type; undefined for anything else. */
export function captureFileKind(file: { name: string; type: string }): CaptureFileKind | undefined {
  const name = file.name.toLowerCase()
  const type = file.type.toLowerCase()
  if (/\.(vcf|vcard)$/.test(name) || type === 'text/vcard' || type === 'text/x-vcard') {
    return 'vcard'
  }
  if (name.endsWith('.eml') || type === 'message/rfc822') return 'email'
  return undefined
}
