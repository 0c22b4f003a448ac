import { AssertionError } from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the page as it is now and fails on any serious or critical
 * violation, naming the rule, its impact and the elements, so the report says what to fix and where.
 */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(WCAG_TAGS)
    .options({ resultTypes: ['violations'] })
    .analyze();
  const blocking = results.violations.filter((v) => v.impact && BLOCKING_IMPACTS.has(v.impact));
  if (blocking.length === 0) return;
  const lines = blocking.flatMap((violation) => [
    `- ${violation.id} (${violation.impact}): ${violation.help}`,
    `  ${violation.helpUrl}`,
    ...violation.nodes.map((node) => {
      const summary = node.failureSummary
        ?.split('\n')
        .slice(1)
        .map((line) => line.trim())
        .join('; ');
      return `    at ${JSON.stringify(node.target)}${summary ? ` — ${summary}` : ''}`;
    }),
  ]);
  throw new AssertionError({
    message: `Accessibility violations on ${where} (${page.url()}):\n${lines.join('\n')}`,
  });
}

/** On a narrow screen the page must reflow: nothing may stick out to the right (WCAG 1.4.10). */
export async function expectNoHorizontalScroll(page: Page, where: string): Promise<void> {
  const viewport = page.viewportSize()?.width;
  if (viewport === undefined) throw new Error('The page has no fixed viewport');
  const measured = await page.evaluate((viewport) => {
    const overflowing = [...document.body.querySelectorAll('*')]
      .filter((element) => element.getBoundingClientRect().right > viewport + 0.5)
      .slice(0, 5)
      .map((element) => {
        const id = element.id ? `#${element.id}` : '';
        const classes = [...element.classList].map((c) => `.${c}`).join('');
        return `${element.tagName.toLowerCase()}${id}${classes} (right edge ${Math.round(element.getBoundingClientRect().right)}px)`;
      });
    return { scrollWidth: document.documentElement.scrollWidth, overflowing };
  }, viewport);
  if (measured.scrollWidth <= viewport) return;
  throw new AssertionError({
    message:
      `${where} (${page.url()}) scrolls horizontally: scrollWidth ${measured.scrollWidth}px > ${viewport}px.\n` +
      `Sticking out: ${measured.overflowing.join(', ') || '(nothing found)'}`,
  });
}
