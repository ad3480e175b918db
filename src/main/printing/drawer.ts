// The cash drawer hangs off the receipt printer's drawer port and opens on the ESC/POS pulse
// (ESC p m t1 t2). electron-pos-printer prints through a browser window and cannot send raw
// bytes, so the pulse goes straight to the printer's raw device: /dev/usb/lp0 on Linux, a
// COM port (\\.\COM3) or a shared printer (\\localhost\POS58) on Windows.
import { open } from 'node:fs/promises'

/** ESC p 0 25 250: pin 2, 50 ms on, 500 ms off. */
export const DRAWER_PULSE = Buffer.from([0x1b, 0x70, 0x00, 0x19, 0xfa])

export async function kickDrawer(
  device: string,
  timeoutMs = 3000,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const failed = {
    ok: false as const,
    message: `Денежный ящик не открылся: проверьте порт «${device}» в настройках и кабель ящика.`,
  }
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<typeof failed>((resolve) => {
    timer = setTimeout(() => resolve(failed), timeoutMs)
  })
  const write = (async () => {
    const handle = await open(device, 'a')
    try {
      await handle.write(DRAWER_PULSE)
    } finally {
      await handle.close()
    }
    return { ok: true as const }
  })().catch(() => failed)
  try {
    return await Promise.race([write, timeout])
  } finally {
    clearTimeout(timer)
  }
}
