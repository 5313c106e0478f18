import { useId, type ReactNode } from 'react'

/** One titled part of Settings, a region named by its heading. */
export function SettingsSection({ title, children }: { title: string; children: ReactNode }) {
  const titleId = useId()
  return (
    <section className="settings-section" aria-labelledby={titleId}>
      <h2 id={titleId} className="settings-section__title">
        {title}
      </h2>
      {children}
    </section>
  )
}
