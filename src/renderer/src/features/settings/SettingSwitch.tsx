import { useState, type ReactNode } from 'react'

interface SettingSwitchProps {
  /** What main says the setting is. */
  enabled: boolean
  saving: boolean
  describedBy: string
  /** Asks main to change it; rejects when main could not. */
  change(enabled: boolean): Promise<unknown>
  children: ReactNode
}

/**
 * A switch for a setting main keeps. It flips at the click, as a switch does, instead of
 * waiting for main's answer, then shows what main answered: back where it was if the change
 * failed (the section says why).
 */
export function SettingSwitch({
  enabled,
  saving,
  describedBy,
  change,
  children,
}: SettingSwitchProps) {
  const [wanted, setWanted] = useState<boolean | null>(null)
  return (
    <label className="inbox-toggle">
      <input
        type="checkbox"
        role="switch"
        aria-describedby={describedBy}
        checked={wanted ?? enabled}
        disabled={saving}
        onChange={(event) => {
          const next = event.target.checked
          setWanted(next)
          change(next)
            .catch(() => undefined)
            .finally(() => setWanted(null))
        }}
      />
      {children}
    </label>
  )
}
