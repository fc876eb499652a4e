import { expect, test } from "@playwright/test";
import { registerMember } from "./support/auth";
import { memberPage } from "./support/calls";

test.describe.configure({ timeout: 90_000 });

test("signing in from /settings/calls comes back to it; rules are added, checked, saved, kept, and tried with “what happens if”", async ({
  browser,
  request,
}) => {
  const ada = await registerMember(request, { displayName: "Ada Settings" });
  const ben = await registerMember(request, { displayName: "Ben Backup" });

  // Signed out, the page sends to sign-in, which comes back here afterwards.
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto("/settings/calls");
  await expect(page).toHaveURL(/\/signin\?next=(%2F|\/)settings(%2F|\/)calls$/);
  await page.getByLabel("Email or number").fill(ada.email);
  await page.getByLabel("Password").fill(ada.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/settings\/calls$/);
  await expect(page.getByRole("heading", { name: "Call routing", level: 1 })).toBeVisible();
  await expect(page.getByTestId("save-status")).toContainText("Nothing saved yet");

  // A do-not-disturb rule for favourites.
  await page.getByTestId("add-rule").click();
  const first = page.getByTestId("rule-card").first();
  await first.getByTestId("rule-name").fill("Favourites through DND");
  await first.getByRole("checkbox", { name: "Do not disturb", exact: true }).check();
  await first.getByRole("checkbox", { name: "Favourites", exact: true }).check();
  await first.getByRole("radio", { name: "Ring all my devices" }).check();
  await first.getByLabel("Ring for (seconds)").fill("20");
  await expect(first.getByTestId("rule-summary")).toContainText("ring all devices 20 s");

  // A forward to a number nobody has: refused, with the reason, and nothing typed is lost.
  await page.getByTestId("add-rule").click();
  const second = page.getByTestId("rule-card").nth(1);
  await second.getByTestId("rule-name").fill("Away: Ben covers");
  await second.getByRole("checkbox", { name: "Away", exact: true }).check();
  await second.getByRole("radio", { name: "Forward to number" }).check();
  await second.getByTestId("rule-forward-number").fill("2999 9999 9999");
  await page.getByTestId("save-rules").click();
  await expect(page.getByTestId("save-error")).toContainText("No member has the number 2999 9999 9999");
  await expect(second.getByTestId("rule-name")).toHaveValue("Away: Ben covers");
  await second.getByTestId("rule-forward-number").fill(ben.number);
  await page.getByTestId("save-rules").click();
  await expect(page.getByTestId("save-status")).toHaveText(/Saved|All changes saved/);

  // Kept: after a reload both rules are there, in order.
  await page.reload();
  await expect(page.getByTestId("rule-card")).toHaveCount(2);
  await expect(page.getByTestId("rule-card").nth(0)).toHaveAttribute("data-rule-name", "Favourites through DND");
  await expect(page.getByTestId("rule-card").nth(1)).toHaveAttribute("data-rule-name", "Away: Ben covers");
  await expect(page.getByTestId("rule-card").nth(1).getByTestId("rule-summary")).toContainText("forward");

  // What happens if a stranger calls while Ada is away: the call goes on to Ben.
  await page.getByTestId("what-if-caller").selectOption({ index: 0 });
  await page.getByTestId("what-if-status").selectOption("away");
  await page.getByTestId("what-if-run").click();
  const steps = page.getByTestId("what-if-step");
  await expect(steps).toHaveCount(2);
  await expect(steps.nth(0)).toHaveAttribute("data-result", "forwarded");
  await expect(steps.nth(0)).toContainText("Away: Ben covers");
  await expect(steps.nth(1)).toContainText("Ben Backup");
  await ctx.close();

  // The same rules reach Ada's other devices: found from the status menu.
  const other = await memberPage(browser, ada, "/directory");
  await other.getByTestId("status-menu").click();
  await other.getByTestId("status-menu-routing").click();
  await other.waitForURL(/\/settings\/calls$/);
  await expect(other.getByTestId("rule-card")).toHaveCount(2);
  await other.context().close();
});
