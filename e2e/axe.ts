import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/**
 * WCAG A/AA violations axe rates serious or critical, as short lines a failing test can show.
 * `exclude`: selectors of what is not the app's to judge (an email's own HTML in its frame).
 * `include`: only these parts, where a spec judges one part of a page that other specs judge whole
 * (by then a page can hold every account the suite made, and axe over all of it takes 20 s or more).
 */
export async function seriousViolations(
  page: Page,
  { exclude = [], include = [] }: { exclude?: string[]; include?: string[] } = {},
) {
  // A toast sliding in or stacking is half transparent for a moment: judge the page at rest.
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          // Spinners and pulses never end: only what is on its way somewhere counts.
          .every(
            (animation) => animation.playState !== "running" || animation.effect?.getTiming().iterations === Infinity,
          ),
      null,
      {
        timeout: 3_000,
      },
    )
    .catch(() => undefined);
  const builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  for (const selector of include) builder.include(selector);
  for (const selector of exclude) builder.exclude(selector);
  const results = await builder.analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id}: ${violation.nodes
          .map((node) => node.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
}
