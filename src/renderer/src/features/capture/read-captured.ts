import { CaptureProblem } from '../../../../shared/capture/capture-problem'
import type { CapturedContact, CapturedLead } from '../../../../shared/capture/contact'
import type { CaptureFileKind } from '../../../../shared/capture/recognize'

// The readers carry a vCard parser, a MIME parser and every country's numbering plan: they
// load on the first paste or drop, never with the window.
const readers = () => import('../../../../shared/capture')

export async function readPastedContact(
  text: string,
  region: string | undefined,
): Promise<CapturedContact | undefined> {
  const { hasContact, readContact } = await readers()
  const contact = readContact(text, region)
  return hasContact(contact) ? contact : undefined
}

export async function readDroppedFile(
  file: File,
  kind: CaptureFileKind,
  region: string | undefined,
): Promise<CapturedLead> {
  const [{ readCaptureFile }, content] = await Promise.all([readers(), file.arrayBuffer()])
  return readCaptureFile(kind, content, region)
}

/** What to tell the user when reading failed. */
export function captureProblemText(error: unknown): string {
  return error instanceof CaptureProblem
    ? error.message
    : 'This could not be read. Try again, or type the details in.'
}
