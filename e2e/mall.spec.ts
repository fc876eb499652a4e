import { expect, test } from "@playwright/test";
import { memberPage } from "./support/calls";
import { record } from "./support/mailbox";
import { expectFitsPhone, PHONE } from "./support/mall";

test.describe.configure({ timeout: 120_000 });

test("a guest walks the mall, opens a shop and a product, and with no agent online leaves the shop a video message", async ({
  browser,
}) => {
  const guest = await (await browser.newContext({ permissions: ["camera", "microphone"] })).newPage();
  await guest.goto("/mall");
  const buildings = guest.getByTestId("skyline-merchant");
  await expect(buildings).toHaveCount(9);
  // Nobody is at a console yet: every shop says so, on the skyline and in the list.
  await expect(guest.getByTestId("skyline").locator("[data-state=closed]")).toHaveCount(9);
  // Each building is one link named by its title; the drawn name and sign are not read a second time.
  const northwind = buildings.filter({ has: guest.locator("text=Northwind Cellars") });
  expect((await northwind.ariaSnapshot()).trim()).toMatch(
    /^- '?link "Northwind Cellars, Wine & spirits: [^"]+"'?:\n\s+- \/url: \/mall\/[\w-]+$/,
  );
  await guest.getByRole("link", { name: /^Northwind Cellars, Wine & spirits/ }).click();
  await expect(guest.getByTestId("merchant-name")).toHaveText("Northwind Cellars");
  await expect(guest.getByTestId("product-card")).toHaveCount(4);
  // The pictures are drawn by the portal, and load (polled: a loaded card may still be fetching its picture).
  await expect
    .poll(() =>
      guest
        .locator("[data-testid=product-card] img")
        .first()
        .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
    )
    .toBe(true);

  await guest.getByTestId("product-card").filter({ hasText: "Douro Reserva" }).click();
  await expect(guest.getByTestId("product-name")).toHaveText("Douro Reserva 2021");
  await expect(guest.getByTestId("age-restricted")).toBeVisible();

  await guest.getByTestId("talk-to-agent").click();
  await expect(guest.getByTestId("agent-panel")).toContainText("No sales agent is online");
  await record(guest, 2);
  await guest.getByTestId("guest-name").fill("Wendy Wine");
  await guest.getByTestId("send-message").click();
  await expect(guest.getByTestId("message-sent")).toContainText("Northwind Cellars");

  // The shop's owner finds it in their mailbox (the demo owner signs in like any demo member).
  const owner = await memberPage(browser, { email: "northwind-owner@example.org", password: "portal-demo-2026" }, "/mailbox");
  await expect(owner.getByTestId("message-row").filter({ hasText: "Wendy Wine" })).toHaveCount(1);
  await guest.context().close();
  await owner.context().close();
});

test("the mall and a storefront fit a phone: nothing sticks out sideways", async ({ browser }) => {
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true })).newPage();
  for (const path of ["/mall", "/mall/pixel-point", "/mall/pixel-point/anc-headphones"]) {
    await phone.goto(path);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
  }
  await phone.context().close();
  // An agent's console and an owner's management page on a phone.
  for (const [who, path] of [
    ["bloom-agent1", "/console"],
    ["bloom-owner", "/console/bloom-and-stem"],
  ] as const) {
    const page = await memberPage(browser, { email: `${who}@example.org`, password: "portal-demo-2026" }, path, PHONE);
    await expectFitsPhone(page);
    await page.context().close();
  }
});
