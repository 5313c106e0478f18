export interface Area {
  x: number
  y: number
  width: number
  height: number
}

/**
 * Where the quick-add window opens: centred across the work area of the display the cursor
 * is on, a quarter of the way down, like Spotlight or Things' Quick Entry.
 */
export function quickAddPosition(workArea: Area, size: { width: number; height: number }) {
  return {
    x: Math.round(workArea.x + (workArea.width - size.width) / 2),
    y: Math.round(workArea.y + Math.max(0, workArea.height * 0.25 - size.height / 2)),
  }
}
