/** The `#root` element both HTML entries provide. */
export function mountPoint(): HTMLElement {
  const root = document.getElementById('root')
  if (!root) throw new Error('The page has no #root element to render into.')
  return root
}
