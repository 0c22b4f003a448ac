import type { Page } from 'playwright-core';

export type FocusedElement = { tag: string; id: string; classes: string; text: string; inHeader: boolean };

/** The element that has keyboard focus now, described for assertions and failure messages. */
export function focusedElement(page: Page): Promise<FocusedElement> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) {
      return { tag: 'body', id: '', classes: '', text: '', inHeader: false };
    }
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      classes: element.className,
      text: (element.textContent ?? '').trim(),
      inHeader: Boolean(element.closest('header')),
    };
  });
}

/** Presses Tab until the element with this id has focus; returns the stops on the way. */
export async function tabUntil(page: Page, id: string, maxPresses: number): Promise<FocusedElement[]> {
  const stops: FocusedElement[] = [];
  for (let press = 0; press < maxPresses; press += 1) {
    await page.keyboard.press('Tab');
    const now = await focusedElement(page);
    if (now.id === id) return stops;
    stops.push(now);
  }
  throw new Error(`#${id} not reached in ${maxPresses} presses of Tab; stops: ${JSON.stringify(stops)}`);
}
