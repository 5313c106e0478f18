import { useId, type ReactNode } from 'react'

interface Props {
  title: string
  children: ReactNode
}

/** The first thing a newcomer sees in a view: what is missing and what to do first. */
export function EmptyState({ title, children }: Props) {
  const titleId = useId()
  return (
    <section className="empty-state" aria-labelledby={titleId}>
      <h2 id={titleId} className="empty-state__title">
        {title}
      </h2>
      <div className="empty-state__body">{children}</div>
    </section>
  )
}
