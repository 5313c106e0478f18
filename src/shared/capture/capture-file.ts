import type { CapturedLead } from './contact'
import { readEmailMessage } from './email-message'
import type { CaptureFileKind } from './recognize'
import { readVCard } from './vcard'

/** A dropped `.vcf` or `.eml` file's content read as the lead it describes. */
export async function readCaptureFile(
  kind: CaptureFileKind,
  content: ArrayBuffer,
  region: string | undefined,
): Promise<CapturedLead> {
  if (kind === 'email') return readEmailMessage(content, region)
  return { contact: readVCard(new TextDecoder().decode(content), region) }
}
