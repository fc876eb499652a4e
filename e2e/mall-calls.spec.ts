import { expect, test } from "@playwright/test";
import { expectRemoteVideo } from "./support/calls";
import { agentAtConsole, callShop, leaveConsole, memberShopper } from "./support/mall";

test.describe.configure({ timeout: 180_000 });

test("a shopper buys wine by live video: the agent shows and adds goods, checks age on camera, the shopper signs, the order is placed", async ({ browser }) => {
  const agent = await agentAtConsole(browser, "northwind-agent1");
  const { page: shopper, person } = await memberShopper(browser, "/mall");

  // From the skyline: the shop says an agent is free, live.
  const building = shopper.getByTestId("skyline-merchant").filter({ has: shopper.locator("text=Northwind Cellars") });
  await expect(building).toHaveAttribute("data-state", "open");
  await building.click();
  await expect(shopper.getByTestId("merchant-name")).toHaveText("Northwind Cellars");
  await callShop(shopper, "northwind-cellars");

  // The console rings, with who is calling, from where, and whether their age is known.
  const ring = agent.getByTestId("console-ring");
  await expect(ring).toBeVisible();
  await expect(agent.getByTestId("ring-shopper")).toContainText(`${person.displayName} (member)`);
  await expect(agent.getByTestId("ring-from")).toHaveText("/mall/northwind-cellars");
  await expect(agent.getByTestId("ring-age")).toContainText("Age known");
  await agent.getByTestId("accept-ring").click();

  await expect(shopper.getByTestId("shopper-call")).toBeVisible();
  await expect(agent.getByTestId("console-call")).toBeVisible();
  await expect(agent.getByTestId("agent-status")).toHaveAttribute("data-status", "busy");
  await expectRemoteVideo(agent);
  await expectRemoteVideo(shopper);

  // The agent pushes a product: it opens on the shopper's screen.
  await agent.getByTestId("product-search").fill("douro");
  await expect(agent.getByTestId("product-hit")).toHaveCount(1);
  await agent.getByTestId("show-product").click();
  await expect(shopper.getByTestId("shown-product-name")).toHaveText("Douro Reserva 2021");

  // The agent adds it, and another thing twice; the shopper's cart follows live.
  await agent.getByTestId("add-product").click();
  await agent.getByTestId("product-search").fill("corkscrew");
  await expect(agent.getByTestId("product-hit")).toHaveCount(1);
  await agent.getByTestId("add-product").click();
  await agent.getByTestId("add-product").click();
  const cart = shopper.getByTestId("cart-item");
  await expect(cart).toHaveCount(2);
  await expect(shopper.getByTestId("cart-item-name")).toHaveText(["Douro Reserva 2021", "Waiter's corkscrew"]);
  await expect(cart.nth(1).getByTestId("cart-qty")).toHaveText("2");
  await expect(shopper.getByTestId("cart-total")).toHaveText("€60.50");

  // The shopper takes one corkscrew out; the agent sees it.
  await shopper.getByRole("button", { name: "One less Waiter's corkscrew" }).click();
  await expect(agent.getByTestId("cart-item").nth(1).getByTestId("cart-qty")).toHaveText("1");
  await expect(agent.getByTestId("cart-total")).toHaveText("€42.50");

  // Wine needs an age check before the shopper may sign.
  await expect(shopper.getByTestId("sign-form")).toHaveCount(0);
  await agent.getByTestId("request-age").click();
  await expect(shopper.getByTestId("camera-request")).toContainText("Your camera is on");
  await expect(agent.getByTestId("shopper-camera")).toHaveText("shopper's camera on");
  await agent.getByTestId("verify-age").click();
  await expect(shopper.getByTestId("age-status")).toHaveAttribute("data-age", "verified");

  // The shopper signs with their full name; the agent confirms; both see the order placed.
  await shopper.getByLabel("Full name").fill(person.displayName);
  await shopper.getByTestId("sign-order").click();
  await expect(shopper.getByTestId("awaiting-agent")).toBeVisible();
  await expect(agent.getByTestId("signed-by")).toHaveText(`Signed by ${person.displayName}`);
  await agent.getByTestId("confirm-order").click();
  await expect(agent.getByTestId("agent-order-placed")).toContainText("payment due");
  await expect(shopper.getByTestId("order-placed")).toContainText("payment is due");

  await shopper.getByRole("link", { name: "See the confirmation" }).click();
  await expect(shopper.getByTestId("order-confirmation")).toHaveAttribute("data-status", "placed");
  await expect(shopper.getByTestId("order-total")).toHaveText("€42.50");
  await expect(shopper.getByTestId("order-signed")).toHaveText(person.displayName);
  await expect(shopper.getByTestId("payment-due")).toBeVisible();
  // The trail of who verified what is the shop's record, not shown to the shopper.
  await expect(shopper.getByTestId("order-trail")).toHaveCount(0);
  const orderUrl = shopper.url();

  // Leaving the confirmation page ended the call's media: the agent is free again.
  await expect(agent.getByTestId("console-ended")).toBeVisible();
  await expect(agent.getByTestId("agent-status")).toHaveAttribute("data-status", "available");
  await agent.goto(orderUrl);
  const trail = agent.getByTestId("order-trail");
  await expect(trail).toContainText("Camera requested for age check");
  await expect(trail).toContainText("Age verified");
  await expect(trail).toContainText(`Signed by the shopper: Signed "${person.displayName}"`);

  await leaveConsole(agent);
  await shopper.context().close();
});
