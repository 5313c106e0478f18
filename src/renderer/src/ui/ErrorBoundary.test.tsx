import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { LeadboxError } from '../../../shared/result'
import { ErrorBoundary } from './ErrorBoundary'

describe('a view that failed to draw', () => {
  it('says what went wrong in plain words, without an internal code', () => {
    const boundary = new ErrorBoundary({ label: 'Inbox', children: null })
    boundary.state = {
      error: new LeadboxError('database_unavailable', 'Leadbox could not read its data.'),
      failed: true,
    }
    const html = renderToStaticMarkup(<>{boundary.render()}</>)
    expect(html).toContain('Inbox ran into a problem')
    expect(html).toContain('Leadbox could not read its data.')
    expect(html).not.toMatch(/database_unavailable|Error code/)
  })
})
