import { z } from 'zod'
import { draftIssueMessage } from '../../shared/quick-add/draft-messages'

// Imported first by the main window's entry (the quick-add window loads no zod). Without
// `jitless` zod probes `new Function`, which the page's Content-Security-Policy (no
// unsafe-eval) reports as a violation. A lead checked here (the full form) says what is
// wrong in plain words, as main does.
z.config({ jitless: true, customError: draftIssueMessage })
