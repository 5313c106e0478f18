/** The colours of a `.status-pill` (theme.css), by what they mean rather than by hue. */
export type StatusTone = 'accent' | 'warning' | 'danger' | 'ok' | 'muted'
