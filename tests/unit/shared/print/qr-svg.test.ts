import jsQR from 'jsqr'
import { describe, expect, it } from 'vitest'
import { paymentQrForAccount } from '../../../../src/shared/payment-qr'
import { clampQrSizeMm, QR_QUIET_ZONE, qrMatrix, qrSvg } from '../../../../src/shared/print/qr-svg'

/** The matrix drawn as pixels (with the quiet zone), the way a camera would see the printout. */
function decode(payload: string): string | null {
  const m = qrMatrix(payload)
  if (!m) return null
  const scale = 4
  const side = (m.size + 2 * QR_QUIET_ZONE) * scale
  const rgba = new Uint8ClampedArray(side * side * 4).fill(255)
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const row = Math.floor(y / scale) - QR_QUIET_ZONE
      const col = Math.floor(x / scale) - QR_QUIET_ZONE
      if (row >= 0 && col >= 0 && row < m.size && col < m.size && m.isDark(row, col)) {
        const i = (y * side + x) * 4
        rgba[i] = rgba[i + 1] = rgba[i + 2] = 0
      }
    }
  }
  return jsQR(rgba, side, side)?.data ?? null
}

const PAYLOAD = paymentQrForAccount(
  {
    name: 'ООО «Тепло|Свет»',
    inn: '9204000005',
    kpp: '920401001',
    bank_name: 'АО «ДЕМО-БАНК»',
    bic: '046799999',
    settlement_account: '40602810000000000001',
    correspondent_account: '30101810000000000999',
  },
  { accountNumber: '1000000012', period: '2026-11', sumKopecks: 345678, surname: 'Щёлкова' },
)

describe('qrMatrix', () => {
  it('encodes a Cyrillic payment payload that a decoder reads back exactly', () => {
    expect(decode(PAYLOAD)).toBe(PAYLOAD)
  })

  it('gives null when the text fits no QR version', () => {
    expect(qrMatrix('Ж'.repeat(2000))).toBeNull()
    expect(qrSvg('Ж'.repeat(2000))).toBeNull()
  })
})

describe('qrSvg', () => {
  it('draws a white square with a four-module quiet zone and the modules as one path', () => {
    const svg = qrSvg('ST00012|Name=А', 25) ?? ''
    const size = qrMatrix('ST00012|Name=А')?.size ?? 0
    expect(svg).toContain(`width="25mm" height="25mm" viewBox="0 0 ${size + 8} ${size + 8}"`)
    expect(svg).toContain(`<rect width="${size + 8}" height="${size + 8}" fill="#fff"/>`)
    // The finder pattern's top edge starts at the quiet zone's corner.
    expect(svg).toContain('<path fill="#000" d="M4 4h7v1h-7z')
    expect(svg).not.toContain('xmlns')
    expect(qrSvg('x', 30, true)).toContain('<svg xmlns="http://www.w3.org/2000/svg"')
  })

  it('keeps the printed size within 15–60 mm, 30 by default', () => {
    expect(clampQrSizeMm(undefined)).toBe(30)
    expect(clampQrSizeMm(5)).toBe(15)
    expect(clampQrSizeMm(100)).toBe(60)
    expect(clampQrSizeMm(Number.NaN)).toBe(30)
  })
})
