/**
 * The names of the lead list's columns. Hidden from screen readers: each row already
 * says what its owner and close date are, and a header outside the listbox would only
 * be read once, out of context.
 */
export function LeadColumns() {
  return (
    <div className="lead-columns" aria-hidden="true" data-testid="lead-columns">
      <span />
      <span>Lead and contact</span>
      <span>Labels</span>
      <span className="lead-columns__value">Value</span>
      <span className="lead-columns__owner">Owner</span>
      <span className="lead-columns__close">Close date</span>
    </div>
  )
}
