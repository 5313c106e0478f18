import type { ChipKind } from '../../../../shared/quick-add'

/** Outline glyphs, drawn in the chip's text color; the kind is also said in words. */
const paths: Record<ChipKind, string> = {
  person:
    'M8 8a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5Zm-4.5 5.5c.6-2.3 2.4-3.5 4.5-3.5s3.9 1.2 4.5 3.5',
  organization: 'M3 13.5V3.5h6v10M9 6.5h4v7M2 13.5h12M5 6h2M5 8.5h2M5 11h2M11 9h.5M11 11h.5',
  label: 'M2.5 2.5h5.3l5.7 5.7-5.3 5.3-5.7-5.7V2.5ZM5.5 5.5h.01',
  money:
    'M8 2.5v11M11 5c-.5-1-1.6-1.5-3-1.5-1.8 0-3 .9-3 2.2 0 3.1 6.3 1.6 6.3 4.7 0 1.3-1.3 2.1-3.3 2.1-1.5 0-2.6-.6-3.1-1.6',
  date: 'M2.5 4h11v9.5h-11V4ZM2.5 7h11M5.5 2.5v3M10.5 2.5v3',
  email: 'M2 4h12v8.5H2V4ZM2 4.5l6 4.5 6-4.5',
  activity: 'M8 2.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11ZM8 5v3l2 1.5',
  phone:
    'M4.5 2.5h2l1 3-1.5 1c.7 1.6 1.9 2.8 3.5 3.5l1-1.5 3 1v2c0 .8-.7 1.5-1.5 1.5C7 13 3 9 3 4c0-.8.7-1.5 1.5-1.5Z',
}

export function ChipIcon({ kind }: { kind: ChipKind }) {
  return (
    <svg className="chip__icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path
        d={paths[kind]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  )
}
