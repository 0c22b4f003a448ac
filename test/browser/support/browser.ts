import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expectAccessible, expectNoHorizontalScroll } from './checks.ts';
import { texts, type Locale, type Texts } from './texts.ts';

export type Viewport = { name: 'phone' | 'desktop'; width: number; height: number };

export const viewports: Viewport[] = [
  { name: 'phone', width: 360, height: 740 },
  { name: 'desktop', width: 1280, height: 900 },
];

export const NARROWEST = 360;

/** Debian's Chromium (or CHROMIUM_PATH), quiet: no network of its own, no sandbox in containers. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Set BROWSER_SCREENSHOTS to a folder to keep a full-page screenshot of every page the tests visit. */
const screenshotFolder = process.env.BROWSER_SCREENSHOTS;
let screenshotCount = 0;

/** The accessibility scan of each document (by viewport and markup) in this test file, run once. */
const scans = new Map<string, Promise<void>>();

/**
 * One visitor: a browser context of their own (cookies, viewport) and one tab. Every page the visitor
 * reaches goes through `arrive`, which checks it: no serious accessibility violation, and no horizontal
 * scrolling on a phone.
 */
export class Visitor {
  readonly visited: string[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly baseUrl: string,
    readonly viewport: Viewport,
    public locale: Locale,
  ) {}

  static async open(browser: Browser, baseUrl: string, viewport: Viewport): Promise<Visitor> {
    const context = await browser.newContext({
      viewport: { width: viewport.width, height: viewport.height },
      isMobile: viewport.width <= NARROWEST,
      hasTouch: viewport.width <= NARROWEST,
      locale: 'nl-NL',
    });
    context.setDefaultTimeout(5_000);
    context.setDefaultNavigationTimeout(10_000);
    const page = await context.newPage();
    return new Visitor(context, page, baseUrl, viewport, 'nl');
  }

  get text(): Texts {
    return texts[this.locale];
  }

  /** Opens an address typed into the address bar. */
  async goto(address: string, label: string): Promise<void> {
    await this.page.goto(new URL(address, this.baseUrl).href);
    await this.arrive(label);
  }

  /** Does something that loads a new page (a click, Enter in a form) and checks the page it leads to. */
  async navigate(label: string, action: () => Promise<unknown>): Promise<void> {
    const navigated = this.page.waitForEvent('framenavigated', {
      predicate: (frame) => frame === this.page.mainFrame(),
    });
    await action();
    await navigated;
    await this.page.waitForLoadState('load');
    await this.arrive(label);
  }

  /** Switches to English with the link in the header; the choice is remembered for the next pages. */
  async chooseLanguage(locale: Locale): Promise<void> {
    if (locale === this.locale) return;
    const link = this.page.getByRole('banner').getByRole('link', { name: this.text.otherLanguageLink });
    this.locale = locale;
    await this.navigate('language switched', () => link.click());
    assert.equal(await this.page.locator('html').getAttribute('lang'), this.text.htmlLang);
  }

  private async arrive(label: string): Promise<void> {
    const where = `${label} [${this.viewport.name}, ${this.locale}]`;
    this.visited.push(new URL(this.page.url()).pathname);
    if (screenshotFolder) {
      mkdirSync(screenshotFolder, { recursive: true });
      screenshotCount += 1;
      const name = `${String(screenshotCount).padStart(3, '0')}-${this.viewport.name}-${this.locale}-${label.replace(/[^a-z0-9]+/gi, '-')}.png`;
      await this.page.screenshot({ path: path.join(screenshotFolder, name), fullPage: true });
    }
    // The same document at the same size gives the same result: a page seen before is not scanned again.
    const html = await this.page.evaluate(() => document.documentElement.outerHTML);
    const key = `${this.viewport.width}x${this.viewport.height} ${createHash('sha256').update(html).digest('hex')}`;
    let scan = scans.get(key);
    if (!scan) {
      scan = expectAccessible(this.page, where);
      scans.set(key, scan);
    }
    await scan;
    if (this.viewport.width <= NARROWEST) await expectNoHorizontalScroll(this.page, where);
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
