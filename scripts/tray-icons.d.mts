export function coverage(size: number): Float64Array
export function drawIcon(size: number, color: [number, number, number]): Buffer
export function trayIcons(): Array<{ file: string; png: Buffer }>
