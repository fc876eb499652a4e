import { expect, test } from "@playwright/test";
import { registerMember } from "./support/auth";
import { memberPage } from "./support/calls";
import { expectFitsPhone, PHONE } from "./support/mall";

function randomWord(): string {
  const letters = "BCDFGHJKLMNPRSTVWXYZ";
  return Array.from({ length: 5 }, () => letters[Math.floor(Math.random() * letters.length)]).join("");
}

test("a password-protected group with a vanity number: a member joins after a wrong password, both see each other live, one leaves and the page follows", async ({
  browser,
  request,
}) => {
  const owner = await registerMember(request);
  const ben = await registerMember(request);
  const po = await memberPage(browser, owner, "/groups/new");

  // The owner spells a word for the group's number, holds it, and makes the group with a password.
  const word = randomWord();
  await po.getByRole("radio", { name: /Choose a vanity number/ }).check();
  await po.getByLabel("Word or digits").fill(word.toLowerCase());
  await expect(po.getByTestId("requested-status")).toHaveText(/Free/);
  const requested = ((await po.getByTestId("requested-number").textContent()) ?? "").replace(/\s+/g, " ").trim();
  await po.getByRole("button", { name: "Hold this number" }).click();
  await expect(po.getByTestId("held-number")).toHaveText(requested);
  const handle = `club-${Math.random().toString(36).slice(2, 8)}`;
  await po.getByLabel("Name", { exact: true }).fill("Harbour Rowing Club");
  await po.getByLabel("Address", { exact: true }).fill(handle);
  await po.getByLabel("Description").fill("Early mornings on the water.");
  await po.getByTestId("group-with-password").check();
  await po.getByLabel("Group password").fill("oars and tides");
  await po.getByTestId("group-create").click();
  await expect(po).toHaveURL(new RegExp(`/${handle}$`));
  await expect(po.getByTestId("group-name")).toHaveText("Harbour Rowing Club");
  // The group's number keeps its word, as the picker showed it.
  expect(requested).toContain(` ${word}`);
  const digits = /keypad digits ([\d ]+)/.exec(requested)![1]!;
  await expect(po.getByTestId("group-number")).toHaveText(requested);
  await expect(po.getByTestId("group-has-password")).toBeVisible();
  await expect(po.getByTestId("group-online")).toHaveText("1 of 1 online");

  // Ben finds it in the directory's Groups by its vanity word and by its name.
  const pb = await memberPage(browser, ben, "/directory");
  await pb.getByRole("link", { name: "Groups" }).click();
  // The Groups tab is a page of its own: its form is the one to fill (CI filled the members' one).
  await expect(pb).toHaveURL(/\/directory\?kind=groups$/);
  await expect(pb.getByRole("link", { name: "Groups" })).toHaveAttribute("aria-current", "page");
  await pb.getByLabel("Number or vanity word").fill(word.toLowerCase());
  await pb.getByRole("button", { name: "Search" }).click();
  await expect(pb.getByTestId("group-row")).toHaveCount(1);
  await expect(pb.getByTestId("group-row")).toHaveAttribute("data-handle", handle);
  await pb.goto("/directory?kind=groups&name=harb");
  await expect(pb.locator(`[data-testid="group-row"][data-handle="${handle}"]`)).toContainText("1 member");
  // He comes by the group's number, in any spacing: he sees the group, not its people.
  await pb.goto(`/${digits.replace(/ /g, "-")}`);
  await expect(pb).toHaveURL(new RegExp(`/${handle}$`));
  await expect(pb.getByTestId("group-name")).toHaveText("Harbour Rowing Club");
  await expect(pb.getByTestId("group-members")).toHaveCount(0);
  // A wrong password is refused, saying so next to the field; the right one lets him in.
  await pb.getByTestId("group-password").fill("sails");
  await pb.getByTestId("group-join-button").click();
  await expect(pb.getByTestId("group-join-error")).toHaveText(/Wrong password \(4 more tries\)/);
  await expect(pb.getByTestId("group-password")).toHaveAttribute("aria-invalid", "true");
  await pb.getByTestId("group-password").fill("oars and tides");
  await pb.getByTestId("group-join-button").click();

  // Both see each other live; the owner's page follows without a reload.
  const onOwners = po.locator(`[data-testid="group-member"][data-member="${ben.id}"]`);
  await expect(onOwners).toBeVisible();
  await expect(onOwners).toHaveAttribute("data-status", "online");
  await expect(po.getByTestId("group-online")).toHaveText("2 of 2 online");
  await expect(pb.locator(`[data-testid="group-member"][data-member="${owner.id}"]`)).toHaveAttribute("data-status", "online");
  await expect(pb.getByTestId("group-count")).toHaveText("2 members");

  // Ben's phone-sized page fits; then he writes in the group's conversation and the owner reads it there.
  await pb.setViewportSize(PHONE);
  await expectFitsPhone(pb);
  await pb.getByTestId("group-chat").getByTestId("composer-input").fill("See you at six");
  await pb.getByTestId("group-chat").getByTestId("composer-input").press("Enter");
  await expect(po.getByTestId("group-chat").getByTestId("message-body")).toHaveText(["See you at six"]);

  // Ben goes offline: the owner sees it; Ben leaves: the owner's page follows.
  await pb.close();
  await expect(onOwners).toHaveAttribute("data-status", "offline", { timeout: 30_000 });
  await expect(po.getByTestId("group-online")).toHaveText("1 of 2 online");
  const pb2 = await memberPage(browser, ben, `/${handle}`);
  pb2.once("dialog", (d) => void d.accept());
  await pb2.getByTestId("group-leave").click();
  await expect(pb2.getByTestId("group-join")).toBeVisible();
  await expect(onOwners).toHaveCount(0);
  await expect(po.getByTestId("group-online")).toHaveText("1 of 1 online");
  for (const p of [po, pb2]) await p.context().close();
});
