import { expect, type Page, test } from "@playwright/test";
import { registerMember, signInContext } from "./support/auth";
import { newestVerificationLink } from "./support/outbox";

const PHONE = { width: 390, height: 844 };

async function noSideways(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

test("a new member confirms their address from the mailed link, on a phone; resending at once is refused, saying why", async ({
  browser,
  request,
}) => {
  const m = await registerMember(request);
  const ctx = await browser.newContext({ viewport: PHONE, hasTouch: true });
  await signInContext(ctx, m.email, m.password);
  const page = await ctx.newPage();
  await page.goto(`/${m.handle}`);
  const banner = page.getByTestId("verify-banner");
  await expect(banner).toContainText(`we sent a link to ${m.email}`);
  await noSideways(page);
  // Registration has just mailed one: a resend waits a minute (one a minute, five a day).
  await banner.getByRole("button", { name: "Resend the link" }).click();
  await expect(banner.getByRole("alert")).toContainText("A link was mailed less than a minute ago");

  await page.goto(newestVerificationLink(m.email));
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page.getByTestId("email-verified")).toContainText("Your email address is confirmed.");
  await noSideways(page);
  await page.reload();
  await expect(page.getByTestId("verify-banner")).toHaveCount(0);
  // The link is single-use: opening it again explains what to do.
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page.getByTestId("verify-error")).toContainText("not valid");
});

test("a member refuses guest messages on /mailbox; a guest is told to sign in", async ({ browser, request }) => {
  const m = await registerMember(request);
  const ctx = await browser.newContext({ viewport: PHONE, hasTouch: true });
  await signInContext(ctx, m.email, m.password);
  const page = await ctx.newPage();
  await page.goto("/mailbox");
  const setting = page.getByLabel("Let people who are not signed in leave me messages");
  await expect(setting).toBeChecked();
  await Promise.all([page.waitForResponse((r) => r.url().endsWith("/api/account/guest-messages") && r.ok()), setting.uncheck()]);
  await expect(setting).not.toBeChecked();
  await page.reload();
  await expect(page.getByLabel("Let people who are not signed in leave me messages")).not.toBeChecked();
  await noSideways(page);

  const guest = await (await browser.newContext({ viewport: PHONE })).newPage();
  await guest.goto(`/${m.handle}`);
  await expect(guest.getByTestId("guests-refused")).toContainText("takes messages from members only");
  await expect(guest.getByTestId("leave-message-button")).toHaveCount(0);
  await expect(guest.getByTestId("guests-refused").getByRole("link", { name: "Sign in" })).toHaveAttribute(
    "href",
    `/signin?next=/${m.handle}`,
  );
  await noSideways(guest);
});
