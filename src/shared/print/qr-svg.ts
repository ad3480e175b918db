// A QR code as an SVG image, built synchronously from the qrcode package's module matrix, so
// main (thermal images, PDF) and the renderer (preview) draw the same symbol. No text from the
// payload ever appears in the SVG: only the black modules as one path.
import QRCode from 'qrcode'

/** The standard's quiet zone: four light modules on every side, or phones struggle to read it. */
export const QR_QUIET_ZONE = 4
export const QR_DEFAULT_SIZE_MM = 30
export const QR_MIN_SIZE_MM = 15
export const QR_MAX_SIZE_MM = 60

export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  size: number
  isDark(row: number, col: number): boolean
}

/**
 * The symbol at error correction M (15 % damage), or L when the text does not fit M; null when it
 * fits neither (more than about 2.9 kB).
 */
export function qrMatrix(payload: string): QrMatrix | null {
  for (const errorCorrectionLevel of ['M', 'L'] as const) {
    try {
      const { modules } = QRCode.create(payload, { errorCorrectionLevel })
      return { size: modules.size, isDark: (row, col) => Boolean(modules.get(row, col)) }
    } catch {
      // Too long for this level: try the next one.
    }
  }
  return null
}

export function clampQrSizeMm(sizeMm: number | undefined): number {
  if (sizeMm === undefined || !Number.isFinite(sizeMm)) return QR_DEFAULT_SIZE_MM
  return Math.min(QR_MAX_SIZE_MM, Math.max(QR_MIN_SIZE_MM, sizeMm))
}

/**
 * An SVG of `sizeMm` × `sizeMm`: white square, quiet zone included, dark modules drawn as
 * horizontal runs of one path. `standalone` adds the namespace an SVG file (an image's data: URL)
 * needs; inline in HTML it is left out. Null when the payload cannot be encoded.
 */
export function qrSvg(payload: string, sizeMm?: number, standalone = false): string | null {
  const matrix = qrMatrix(payload)
  if (!matrix) return null
  const side = matrix.size + 2 * QR_QUIET_ZONE
  const mm = clampQrSizeMm(sizeMm)
  const runs: string[] = []
  for (let row = 0; row < matrix.size; row++) {
    let col = 0
    while (col < matrix.size) {
      if (!matrix.isDark(row, col)) {
        col++
        continue
      }
      const start = col
      while (col < matrix.size && matrix.isDark(row, col)) col++
      runs.push(`M${start + QR_QUIET_ZONE} ${row + QR_QUIET_ZONE}h${col - start}v1h-${col - start}z`)
    }
  }
  return (
    `<svg${standalone ? ' xmlns="http://www.w3.org/2000/svg"' : ''} width="${mm}mm" height="${mm}mm" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges">` +
    `<rect width="${side}" height="${side}" fill="#fff"/>` +
    `<path fill="#000" d="${runs.join('')}"/>` +
    '</svg>'
  )
}
