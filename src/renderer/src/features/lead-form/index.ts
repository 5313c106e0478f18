export { LeadFormHost } from './LeadForm'
export { LeadSavedNotice } from './LeadSavedNotice'
export { openLeadForm } from './lead-form-store'
