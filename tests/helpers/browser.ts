import { type Browser, chromium, type Locator, type Page } from 'playwright-core'

/** Debian's chromium: playwright cannot download its own browser on this network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

/** Where browser suites keep their screenshots for a person to look at (png is gitignored there). */
export const ARTIFACTS = 'tests/e2e/artifacts'

type DeskScreenshot = {
  /** Photograph one element instead of the viewport. */
  target?: Locator
  /** Photograph the whole page at this width, not just the viewport. */
  fullPageAt?: (width: number) => boolean
  /** Viewport height at this width (a phone is taller than the default 900). */
  heightAt?: (width: number) => number
  /** Run at each width once the layout has settled, before the shot: scroll, or check what shows. */
  beforeShot?: (width: number) => Promise<void>
}

/** Screenshots at the widths the desk works at, a desktop (1280) and a phone (390), named `<name>-<width>.png`. */
export async function screenshotAtDeskWidths(page: Page, name: string, { target, fullPageAt, heightAt, beforeShot }: DeskScreenshot = {}): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: heightAt?.(width) ?? 900 })
    // Payload's layout switches at breakpoints with a transition: let it settle before the shot.
    await page.waitForTimeout(300)
    await beforeShot?.(width)
    const path = `${ARTIFACTS}/${name}-${width}.png`
    await (target ? target.screenshot({ path }) : page.screenshot({ path, fullPage: fullPageAt?.(width) ?? false }))
  }
  await page.setViewportSize({ width: 1400, height: 1000 })
}
