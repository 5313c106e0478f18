/**
 * Everything that reads the line into a title and chips and the chips into a lead: loaded
 * apart, once the window shows (see useLineReader), so the window draws its field and takes
 * keys without waiting for it. The line is read again when it arrives.
 */
export {
  loadQuickAddLanguage,
  parseQuickAdd,
  removeChip,
  warmUpQuickAdd,
} from '../../../../shared/quick-add'
export { candidateOptions, chipAtCaret, pickCandidate } from './candidate-choice'
export { CandidateList, candidatePrompt } from './CandidateList'
export { chipMeaning } from './chip-meaning'
export { finishedChipAtEnd } from './line-editing'
export { draftFromLine } from './line-to-draft'
export { createLikelyMatches, openLeadNotice, withLikelyMatches } from './likely-matches'
