// Issue 16 §5: touch targets and horizontal scrolling, measured on the page as it is now.
import type { Page } from "@playwright/test";

export interface SmallTarget {
  what: string;
  width: number;
  height: number;
}

/** The minimum size of a touch target at 360 px (WCAG 2.5.5, the issue's 44 × 44 px). */
export const MIN_TARGET = 44;

/**
 * Every visible interactive element smaller than 44 × 44 px. A checkbox or a
 * radio counts with its label (the label is what a finger taps); visually
 * hidden elements (the skip link, 1 px) and elements in a closed fold are not
 * on screen and are skipped.
 */
export async function smallTargets(page: Page): Promise<SmallTarget[]> {
  return page.evaluate((min) => {
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="tab"]';
    const out: { what: string; width: number; height: number }[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      if (el.closest("[hidden]")) continue;
      const style = getComputedStyle(el);
      if (style.visibility === "hidden" || style.display === "none") continue;
      let rect = el.getBoundingClientRect();
      if (rect.width <= 1 || rect.height <= 1) continue;
      const input = el as HTMLInputElement;
      if ((input.type === "checkbox" || input.type === "radio") && input.labels && input.labels.length > 0) {
        const label = input.labels[0]!.getBoundingClientRect();
        const left = Math.min(rect.left, label.left);
        const top = Math.min(rect.top, label.top);
        rect = new DOMRect(left, top, Math.max(rect.right, label.right) - left, Math.max(rect.bottom, label.bottom) - top);
      }
      if (rect.width + 0.5 < min || rect.height + 0.5 < min) {
        const text = (el.getAttribute("aria-label") ?? el.textContent ?? (el as HTMLInputElement).name ?? "").trim().replace(/\s+/g, " ").slice(0, 50);
        out.push({ what: `<${el.tagName.toLowerCase()}${input.type ? ` type=${input.type}` : ""}> "${text}"`, width: Math.round(rect.width), height: Math.round(rect.height) });
      }
    }
    return out;
  }, MIN_TARGET);
}

/** How many pixels the page scrolls sideways (0 when it fits the screen). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth));
}
