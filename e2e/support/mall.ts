import { type Browser, expect, type Page } from "@playwright/test";
import { registerMember } from "./auth";
import { memberPage } from "./calls";
import { watchCsp } from "./csp";

export const DEMO_PASSWORD = "portal-demo-2026";

/** A demo sales agent signed in at the console, set available (and so rung by shoppers). */
export async function agentAtConsole(browser: Browser, handle: string): Promise<Page> {
  const page = await memberPage(browser, { email: `${handle}@example.org`, password: DEMO_PASSWORD }, "/console");
  await page.getByTestId("set-available").click();
  await expect(page.getByTestId("agent-status")).toHaveAttribute("data-status", "available");
  return page;
}

/** Back to away, so the next test finds the shop as it expects. */
export async function leaveConsole(page: Page) {
  await page.request.put("/api/console", { data: { status: "away" } }).catch(() => undefined);
  await page.context().close();
}

/** A registered adult shopper (birth date 1990), signed in. */
export async function memberShopper(browser: Browser, path = "/mall", overrides: Record<string, unknown> = {}) {
  const ctx = await browser.newContext();
  const person = await registerMember(ctx.request, overrides);
  await ctx.close();
  const page = await memberPage(browser, person, path);
  return { page, person };
}

export async function guestShopper(browser: Browser, path = "/mall", viewport?: { width: number; height: number }): Promise<Page> {
  const ctx = await browser.newContext({ permissions: ["camera", "microphone"], ...(viewport ? { viewport, hasTouch: true } : {}) });
  await watchCsp(ctx);
  const page = await ctx.newPage();
  await page.goto(path);
  return page;
}

/** From a storefront: "Talk to a sales agent" and on to the call page. */
export async function callShop(shopper: Page, slug: string) {
  if (!shopper.url().includes(`/mall/${slug}`)) await shopper.goto(`/mall/${slug}`);
  await shopper.getByTestId("talk-to-agent").click();
  await shopper.waitForURL(/\/mall\/call\/[a-z0-9]+$/);
}

export const PHONE = { width: 390, height: 844 };
/** Nothing sticks out sideways at a phone's width. */
export async function expectFitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth), page.url()).toBeLessThanOrEqual(PHONE.width);
}
