// Layout checks computed in the page rather than judged by eye: the contrast of a notice's text
// on its own tinted background (WCAG 2 formula), the size text is drawn at in a scaled preview,
// and how many lines a short text wraps into.
import { expect, type Locator, type Page } from '@playwright/test'

// What the page-side code below uses of the browser (this project compiles tests without the DOM).
interface NodeLike {
  parentElement: NodeLike | null
  querySelector(selector: string): NodeLike | null
  textContent: string | null
  getClientRects(): { length: number }
}
interface PageStyles {
  getComputedStyle(node: NodeLike): {
    color: string
    backgroundColor: string
    opacity: string
    fontSize: string
    lineHeight: string
  }
}

/** The visible notices whose text reads below 4.5:1 against their tint over whatever lies behind. */
function poorNotices(alerts: NodeLike[]): string[] {
  const { getComputedStyle } = globalThis as unknown as PageStyles
  const poor: string[] = []
  for (const alert of alerts) {
    if (alert.getClientRects().length === 0) continue
    const ratio = noticeContrast(alert)
    if (ratio < 4.5) poor.push(`«${(alert.textContent ?? '').trim().slice(0, 60)}»: ${ratio.toFixed(2)}`)
  }
  return poor

  /** WCAG 2 contrast of one notice (defined inside: the page receives this function's text alone). */
  function noticeContrast(alert: NodeLike): number {
    const rgba = (css: string): number[] => (css.match(/[\d.]+/g) ?? []).map(Number)
    const opaque = (c: number[]): boolean => c.length < 4 || c[3] === 1
    let behind = [255, 255, 255]
    for (let node = alert.parentElement; node; node = node.parentElement) {
      const c = rgba(getComputedStyle(node).backgroundColor)
      if (opaque(c)) {
        behind = c.slice(0, 3)
        break
      }
    }
    let back = behind
    const underlay = alert.querySelector('.v-alert__underlay')
    if (underlay) {
      const style = getComputedStyle(underlay)
      const tint = rgba(style.backgroundColor)
      const alpha = Number(style.opacity) * (tint[3] ?? 1)
      back = back.map((b, i) => (tint[i] as number) * alpha + b * (1 - alpha))
    }
    const own = rgba(getComputedStyle(alert).backgroundColor)
    if (opaque(own)) back = own.slice(0, 3)
    const text = rgba(getComputedStyle(alert).color).slice(0, 3)
    const luminance = (c: number[]): number => {
      const [r, g, b] = c.map((v) => {
        const s = v / 255
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
      }) as [number, number, number]
      return 0.2126 * r + 0.7152 * g + 0.0722 * b
    }
    const [hi, lo] = [luminance(text), luminance(back)].sort((a, b) => b - a) as [number, number]
    return (hi + 0.05) / (lo + 0.05)
  }
}

/**
 * Every notice on screen reads at 4.5:1 at least (WCAG AA for body text). Polled over all notices
 * at once: one still fading in has not reached its colours, a passing one («Собираю отчёт…») may go.
 */
export async function expectReadableNotices(page: Page, screen: string): Promise<void> {
  await expect
    .poll(() => page.locator('.v-alert').evaluateAll(poorNotices), {
      message: `${screen}: контраст уведомлений ниже 4,5:1`,
      timeout: 30_000,
    })
    .toEqual([])
}

/** The body text of a document preview as drawn on screen, in CSS pixels (its scale applied). */
export async function previewTextPx(frame: Locator): Promise<number> {
  const scale = await frame.evaluate((el) => {
    const box = el as unknown as { offsetWidth: number; getBoundingClientRect(): { width: number } }
    return box.getBoundingClientRect().width / box.offsetWidth
  })
  const px = await frame
    .contentFrame()
    .locator('body')
    .evaluate((body) => {
      const { getComputedStyle } = globalThis as unknown as PageStyles
      return parseFloat(getComputedStyle(body as unknown as NodeLike).fontSize)
    })
  return scale * px
}

/** How many lines the element's text is drawn on (its height over its line height). */
export async function textLines(text: Locator): Promise<number> {
  const lineHeight = await text.evaluate((el) => {
    const { getComputedStyle } = globalThis as unknown as PageStyles
    return parseFloat(getComputedStyle(el as unknown as NodeLike).lineHeight)
  })
  const box = await text.boundingBox()
  if (!box) throw new Error('the text is not shown')
  return Math.round(box.height / lineHeight)
}
