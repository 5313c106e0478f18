// A moment as the user's clock shows it, in the forms Pipedrive takes: one home for the
// padding, so every form, chip and filter writes the same day for the same moment.

const two = (n: number) => String(n).padStart(2, '0')

/** Local `YYYY-MM-DD` of a moment. */
export function localDay(at: Date): string {
  return `${String(at.getFullYear()).padStart(4, '0')}-${two(at.getMonth() + 1)}-${two(at.getDate())}`
}

/** Local `HH:MM` of a moment. */
export function localTime(at: Date): string {
  return `${two(at.getHours())}:${two(at.getMinutes())}`
}
