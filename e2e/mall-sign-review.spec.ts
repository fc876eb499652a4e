import { expect, test } from "@playwright/test";
import { agentAtConsole, callShop, expectFitsPhone, guestShopper, leaveConsole, PHONE } from "./support/mall";

test.describe.configure({ timeout: 180_000 });

test("the order changes while the shopper signs: the form asks them to check it again before the signature goes", async ({ browser }) => {
  const agent = await agentAtConsole(browser, "thread-agent1");
  const shopper = await guestShopper(browser, "/mall/urban-thread", PHONE);
  await callShop(shopper, "urban-thread");
  await agent.getByTestId("accept-ring").click();
  await expect(shopper.getByTestId("shopper-call")).toBeVisible();

  await agent.getByTestId("product-search").fill("tee");
  await expect(agent.getByTestId("product-hit")).toHaveCount(1);
  await agent.getByTestId("add-product").click();
  await expect(shopper.getByTestId("cart-item")).toHaveCount(1);

  // The shopper reviews the cart and starts signing; meanwhile the agent adds another thing.
  await shopper.getByLabel("Full name").fill("Gale Guest");
  await shopper.getByLabel("Email for the confirmation").fill("gale@example.org");
  await agent.getByTestId("add-product").click();
  await expect(shopper.getByTestId("cart-qty")).toHaveText("2");
  const review = shopper.getByTestId("sign-review-again");
  await expect(review).toContainText("Your order changed after you reviewed it");
  await expect(shopper.getByTestId("sign-order")).toBeDisabled();
  await expectFitsPhone(shopper);

  // Checked: the signature goes, for the order as it is now.
  await shopper.getByTestId("sign-reviewed").click();
  await expect(review).toBeHidden();
  await shopper.getByTestId("sign-order").click();
  await expect(shopper.getByTestId("awaiting-agent")).toBeVisible();
  await expect(agent.getByTestId("signed-by")).toHaveText("Signed by Gale Guest");
  await agent
    .getByTestId("hang-up")
    .click()
    .catch(() => undefined);
  await shopper.context().close();
  await leaveConsole(agent);
});
