// Debian's Chromium, driven by playwright-core: never a downloaded browser. Browser tests
// fail (they are not skipped) when it is missing, saying how to install it.

// The page's globals, for the functions that run in it (the project's TypeScript has no
// DOM library; these declarations are this module's own).
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const window: any;
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.STUDY_CHROMIUM ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: the browser tests need Debian's chromium (as root: apt-get update && apt-get install -y chromium; .ci/run does this)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A page of the given width and colour scheme, with every request it makes recorded and
 * refused, but for the document itself (`document`, a file: URL).
 */
export async function openPage(browser: Browser, width: number, colorScheme: 'light' | 'dark', document?: string): Promise<{ page: Page; requests: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.route('**/*', (route) => (route.request().url() === document ? route.continue() : route.abort()));
  return { page, requests };
}

/** Elements whose box reaches past the viewport's right edge (or starts left of 0). */
export async function overflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; wide: string[] }> {
  return page.evaluate(() => {
    const wide: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *')) as any[]) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.right > window.innerWidth + 0.5 || r.left < -0.5) wide.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} ${Math.round(r.left)}..${Math.round(r.right)}`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, wide };
  });
}

