import { z } from 'zod'

// Imported first by each entry. Without it zod probes `new Function`, which the page's
// Content-Security-Policy (no unsafe-eval) reports as a violation.
z.config({ jitless: true })
