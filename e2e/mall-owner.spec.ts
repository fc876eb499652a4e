import { expect, test } from "@playwright/test";
import { registerMember } from "./support/auth";
import { memberPage } from "./support/calls";
import { callShop, DEMO_PASSWORD, guestShopper, leaveConsole } from "./support/mall";

test.describe.configure({ timeout: 150_000 });

// A 1×1 PNG: the server accepts it by its bytes, not its name.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

test("an owner adds an agent by number and a product with a photo, and sees the agent's call in the figures", async ({ browser }) => {
  const owner = await memberPage(browser, { email: "trail-owner@example.org", password: DEMO_PASSWORD }, "/console");
  await owner.getByTestId("manage-shop").click();
  await expect(owner.getByRole("heading", { name: "Trailhead Outfitters" })).toBeVisible();
  const before = await owner.getByTestId("team-member").count();

  // A new colleague, added by their communication number; a wrong address is explained.
  const ctx = await browser.newContext();
  const colleague = await registerMember(ctx.request, { displayName: "Nina Trail" });
  await ctx.close();
  await owner.getByTestId("add-agent-input").fill("nobody@example.invalid");
  await owner.getByTestId("add-agent").click();
  await expect(owner.getByTestId("team-error")).toHaveText("No member has that number or email.");
  await owner.getByTestId("add-agent-input").fill(colleague.number);
  await owner.getByTestId("add-agent").click();
  await expect(owner.getByTestId("team-member")).toHaveCount(before + 1);
  await expect(owner.getByTestId("team")).toContainText("Nina Trail");

  // A product: a bad price is refused with a reason, then it is added and gets a photo.
  await owner.getByTestId("new-product").click();
  await owner.getByTestId("product-name-input").fill("Trail mug");
  await owner.getByTestId("product-price-input").fill("cheap");
  await owner.getByTestId("save-product").click();
  await expect(owner.getByTestId("product-error")).toContainText("Enter a price like 12.50");
  await owner.getByTestId("product-price-input").fill("14,90");
  await owner.getByTestId("save-product").click();
  const row = owner.getByTestId("catalogue-product").filter({ hasText: "Trail mug" });
  await expect(row).toContainText("€14.90");
  await row.getByTestId("product-photo-input").setInputFiles({ name: "mug.png", mimeType: "image/png", buffer: PNG });
  await expect(row.getByText("Replace photo")).toBeVisible();
  const pic = await owner.request.get("/api/mall/pictures/trailhead/trail-mug");
  expect(pic.headers()["content-type"]).toBe("image/png");
  // Not a picture: refused, by its bytes.
  const bad = await row.getByTestId("product-photo-input");
  await bad.setInputFiles({ name: "fake.png", mimeType: "image/png", buffer: Buffer.from("not an image at all") });
  await expect(row.getByRole("alert")).toContainText("JPEG, PNG or WebP");

  // The new agent takes a call at the console.
  const agent = await memberPage(browser, colleague, "/console");
  await expect(agent.getByText("Trailhead Outfitters (agent)")).toBeVisible();
  await agent.getByTestId("set-available").click();
  const shopper = await guestShopper(browser, "/mall/trailhead/trail-mug");
  await expect(shopper.getByTestId("product-name")).toHaveText("Trail mug");
  await callShop(shopper, "trailhead");
  await agent.getByTestId("accept-ring").click();
  await expect(shopper.getByTestId("shopper-call")).toBeVisible();
  await agent.getByTestId("hang-up").click();
  await expect(shopper.getByTestId("shopper-ended")).toBeVisible();

  // The figures: the call, answered, for the shop and for Nina.
  await owner.reload();
  const all = owner.getByTestId("shop-stats-row").and(owner.locator("[data-day=all]"));
  await expect(all.locator("[data-col=answered]")).not.toHaveText("0");
  const nina = owner.getByTestId("agent-stats").filter({ hasText: "Nina Trail" });
  await expect(nina.getByTestId("agent-stats-row").and(owner.locator("[data-day=all]")).locator("[data-col=answered]")).toHaveText("1");
  await expect(nina.getByTestId("agent-stats-row").and(owner.locator("[data-day=all]")).locator("[data-col=conversion]")).toHaveText("0 %");

  // An agent is not an owner: the management page is not theirs.
  expect((await agent.request.get("/api/console/shops/trailhead")).status()).toBe(403);
  await leaveConsole(agent);
  await owner.context().close();
  await shopper.context().close();
});

test("nobody answers a registered shopper, who leaves a message and asks to be called back; the next agent to come online calls them back", async ({
  browser,
}) => {
  const ctx = await browser.newContext();
  const person = await registerMember(ctx.request, { displayName: "Cora Callback" });
  await ctx.close();
  const shopper = await memberPage(browser, person, "/mall/page-turner");
  await shopper.getByTestId("talk-to-agent").click();
  await expect(shopper.getByTestId("agent-panel")).toContainText("No sales agent is online");
  await shopper.getByTestId("ask-callback").click();
  await expect(shopper.getByTestId("callback-asked")).toBeVisible();

  const agent = await memberPage(browser, { email: "pages-agent1@example.org", password: DEMO_PASSWORD }, "/console");
  await agent.getByTestId("set-available").click();
  await expect(agent.getByTestId("ring-shopper")).toHaveText("Call back: Cora Callback (member)");
  await agent.getByTestId("accept-ring").click();
  // Wherever the shopper is in the portal, a bar says the shop is calling back.
  await expect(shopper.getByTestId("callback-notice")).toContainText("is calling you back");
  await shopper.getByRole("link", { name: "Join the call" }).click();
  await expect(shopper.getByTestId("shopper-call")).toBeVisible();
  await agent.getByTestId("hang-up").click();
  await leaveConsole(agent);
  await shopper.context().close();
});
