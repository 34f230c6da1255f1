import type { Page } from '@playwright/test'

// What the rendering checks of the end-to-end tests look for on a screen.

/** Fonts we bundle; any other font used for text means a glyph came from the PC, or was missing. */
const bundledFamilies = /^Noto Sans( Georgian)?( (Thin|Light|Regular|Medium|SemiBold|Bold|ExtraBold|Black))?$/

const rawKey =
  /\b(app|auth|errors|validation|georgian|property|sanitation|history|reports|sync|admin)\.[a-zA-Z]+(\.[a-zA-Z]+)*\b/

export interface PageCheck {
  rawKeys: string[]
  missingKeys: string[]
  upperCased: string[]
  mtavruli: string[]
  foreignFonts: string[]
}

/**
 * What a person would notice on the page: raw i18n keys, text in ALL CAPS, and characters drawn
 * with a font we do not ship (the way a missing-glyph box appears). Chromium tells which fonts
 * actually rendered each element's text (CSS.getPlatformFontsForNode).
 */
export async function inspect(page: Page): Promise<PageCheck> {
  await page.evaluate(() => document.fonts.ready)
  const texts = await page.evaluate(() => {
    const elements = [...document.querySelectorAll('body *')].filter((el) =>
      [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== ''),
    )
    for (const [i, el] of elements.entries()) el.setAttribute('data-glyph-check', String(i))
    return elements.map((el) => ({
      text: [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent)
        .join('')
        .trim(),
      transform: getComputedStyle(el).textTransform,
    }))
  })
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('DOM.enable')
  await cdp.send('CSS.enable')
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 })
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', {
    nodeId: root.nodeId,
    selector: '[data-glyph-check]',
  })
  const foreignFonts = new Set<string>()
  for (const nodeId of nodeIds) {
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId })
    const foreign = fonts.filter((font) => !font.isCustomFont || !bundledFamilies.test(font.familyName))
    if (foreign.length === 0) continue
    const { attributes } = await cdp.send('DOM.getAttributes', { nodeId })
    const index = Number(attributes[attributes.indexOf('data-glyph-check') + 1])
    for (const font of foreign) foreignFonts.add(`${font.familyName}: ${texts[index]?.text.slice(0, 40)}`)
  }
  await cdp.detach()
  const missingKeys = await page.evaluate(
    () => (window as unknown as { __missingI18nKeys?: string[] }).__missingI18nKeys ?? [],
  )
  return {
    rawKeys: texts.filter((t) => rawKey.test(t.text)).map((t) => t.text),
    missingKeys,
    upperCased: texts.filter((t) => t.transform === 'uppercase').map((t) => t.text),
    mtavruli: texts.filter((t) => /[\u1C90-\u1CBF]/.test(t.text)).map((t) => t.text),
    foreignFonts: [...foreignFonts],
  }
}

export const clean: PageCheck = {
  rawKeys: [],
  missingKeys: [],
  upperCased: [],
  mtavruli: [],
  foreignFonts: [],
}
