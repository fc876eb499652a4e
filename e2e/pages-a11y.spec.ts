import AxeBuilder from "@axe-core/playwright";
import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { signInContext } from "./support/auth";
import { DEMO_PASSWORD, PHONE } from "./support/mall";

/**
 * Every main page, signed out and signed in (a demo member with a full address book, messages and
 * groups): no serious or critical axe-core violation (WCAG 2 A and AA, contrast included), and
 * nothing sticks out sideways at a phone's 390 px.
 */
const SIGNED_OUT = ["/", "/directory", "/mall", "/mall/northwind-cellars", "/register", "/signin", "/bruno", "/alfama-rowing"];
const SIGNED_IN = [
  "/",
  "/ada",
  "/bruno",
  "/directory",
  "/call",
  "/calls",
  "/contacts",
  "/messages",
  "/mailbox",
  "/settings/calls",
  "/groups/new",
  "/alfama-rowing",
  "/mall",
  "/mall/northwind-cellars",
];

/** Loaded (goto waits for the load event), with its fonts in: what a person sees first. */
async function settled(page: Page) {
  await page.evaluate(() => document.fonts.ready);
}

async function audit(page: Page, path: string) {
  await page.goto(path);
  await settled(page);
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 5)
          .join(" | ")}`,
    );
  // Soft: one run lists every page's findings.
  expect.soft(bad, `${path}: axe-core`).toEqual([]);
}

async function fitsPhone(page: Page, path: string) {
  await page.goto(path);
  await settled(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  // Which element sticks out, to say so in the failure.
  const wide =
    width > PHONE.width
      ? await page.evaluate((max) => {
          const out: string[] = [];
          for (const el of document.querySelectorAll("body *")) {
            const r = el.getBoundingClientRect();
            if (r.right > max + 1 && out.length < 5)
              out.push(`${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} → ${Math.round(r.right)}`);
          }
          return out;
        }, PHONE.width)
      : [];
  expect.soft(wide, `${path} is ${width} px wide at ${PHONE.width}`).toEqual([]);
  expect.soft(width, path).toBeLessThanOrEqual(PHONE.width);
}

async function signedIn(ctx: BrowserContext) {
  await signInContext(ctx, "ada@example.org", DEMO_PASSWORD);
  return ctx;
}

test.describe.configure({ timeout: 180_000 });

test("signed out: every main page passes axe-core and fits a phone", async ({ browser }) => {
  const desk = await browser.newContext();
  const phone = await browser.newContext({ viewport: PHONE, hasTouch: true });
  const [pd, pp] = [await desk.newPage(), await phone.newPage()];
  for (const path of SIGNED_OUT) {
    await audit(pd, path);
    await fitsPhone(pp, path);
  }
  await desk.close();
  await phone.close();
});

test("signed in: every main page passes axe-core and fits a phone, and the phone menu reaches the rest", async ({ browser }) => {
  const desk = await signedIn(await browser.newContext());
  const phone = await signedIn(await browser.newContext({ viewport: PHONE, hasTouch: true }));
  const [pd, pp] = [await desk.newPage(), await phone.newPage()];
  for (const path of SIGNED_IN) {
    await audit(pd, path);
    await fitsPhone(pp, path);
  }
  // On a phone the main links are one button away, and the menu itself is accessible.
  await pp.goto("/directory");
  await pp.getByTestId("phone-menu").click();
  const menu = pp.getByRole("navigation", { name: "Menu" });
  for (const name of ["Call a number", "Directory", "Mall", "Contacts", "Messages", "Mailbox"])
    await expect(menu.getByRole("link", { name })).toBeVisible();
  const axe = await new AxeBuilder({ page: pp }).include('nav[aria-label="Menu"]').analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  await menu.getByRole("link", { name: "Mall" }).click();
  await expect(pp).toHaveURL(/\/mall$/);
  await expect(menu).toHaveCount(0);
  await desk.close();
  await phone.close();
});

test("installable: the manifest and its icons are served, and every page links them", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBe("/manifest.webmanifest");
  const manifest = (await (await request.get(href!)).json()) as { name: string; display: string; icons: { src: string; type: string }[] };
  expect(manifest).toMatchObject({ name: expect.stringContaining("Portal"), display: "standalone" });
  for (const icon of manifest.icons) {
    const res = await request.get(icon.src);
    expect(res.status(), icon.src).toBe(200);
    expect(res.headers()["content-type"], icon.src).toContain(icon.type);
  }
  await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /\/icon\.svg/);
  // The ringtone an incoming call plays is a static file too.
  const ring = await request.get("/sounds/ring.ogg");
  expect(ring.status()).toBe(200);
  expect(ring.headers()["content-type"]).toContain("audio/ogg");
});
