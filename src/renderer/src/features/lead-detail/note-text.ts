// Elements that end a line of their own when a note's HTML is read as text.
const blocks = 'p, div, li, h1, h2, h3, h4, h5, h6, blockquote, pre, tr'

/**
 * A note's content as plain text. Pipedrive keeps notes as HTML; the DOM parser reads it into
 * an inert document (no scripts run, nothing loads), and only its text is kept, so no markup
 * from Pipedrive ever reaches the page.
 */
export function noteText(html: string): string {
  const document = new DOMParser().parseFromString(html, 'text/html')
  for (const br of document.querySelectorAll('br')) br.replaceWith('\n')
  for (const block of document.querySelectorAll(blocks)) block.append('\n')
  return (document.body.textContent ?? '').replace(/\n{3,}/g, '\n\n').trim()
}
