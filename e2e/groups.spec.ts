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
  const requested = (await po.getByTestId("requested-number").innerText()).trim();
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
  const digits = requested.replace(/[A-Z]/g, (ch) => "22233344455566677778889999"[ch.charCodeAt(0) - 65]!);
  await expect(po.getByTestId("group-number")).toHaveText(digits);
  await expect(po.getByTestId("group-has-password")).toBeVisible();
  await expect(po.getByTestId("group-online")).toHaveText("1 of 1 online");

  // Ben finds it in the directory's Groups by its vanity word and by its name.
  const pb = await memberPage(browser, ben, "/directory");
  await pb.getByRole("link", { name: "Groups" }).click();
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

test("the group's room: three members join from the page, each sees the other two's video, the page shows who is in it, and someone leaves", async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const [ann, ben, cy] = [await registerMember(request), await registerMember(request), await registerMember(request)];
  const pa = await memberPage(browser, ann, "/");
  const handle = `room-${Math.random().toString(36).slice(2, 8)}`;
  const made = await pa.request.post("/api/groups", { data: { name: "Tuesday Quiz", handle } });
  expect(made.status()).toBe(201);
  const { group } = (await made.json()) as { group: { number: string } };
  const pb = await memberPage(browser, ben, "/");
  const pc = await memberPage(browser, cy, "/");
  for (const p of [pb, pc]) expect((await p.request.post(`/api/groups/${handle}/join`, { data: {} })).ok()).toBe(true);

  // Ann opens the room from the group page: a preview of her camera first, then she is in.
  await pa.goto(`/${handle}`);
  await expect(pa.getByTestId("group-in-room")).toHaveText("Nobody is in it right now.");
  await pa.getByTestId("group-room-join").click();
  await expect(pa.getByTestId("room-preview")).toBeVisible();
  await pa.getByTestId("room-join").click();
  await expect(pa.getByTestId("room-count")).toHaveText(/^1 of at most 16/);

  // Ben sees on the group page, live, that Ann is in the room; he and Cy join.
  await pb.goto(`/${handle}`);
  await expect(pb.getByTestId("group-in-room")).toContainText(ann.displayName, { timeout: 15_000 });
  for (const p of [pb, pc]) {
    await p.goto(`/${handle}/room`);
    await p.getByTestId("room-join").click();
  }
  for (const p of [pa, pb, pc]) {
    await expect(p.getByTestId("room-count")).toHaveText(/^3 of at most 16/, { timeout: 30_000 });
    await expect(p.getByTestId("room-tile")).toHaveCount(2);
    // Each of the two others' video plays: frames of non-zero size.
    await expect
      .poll(
        () =>
          p.evaluate(
            () =>
              [...document.querySelectorAll<HTMLVideoElement>("[data-testid=room-video]")].filter((v) => v.videoWidth > 0 && !v.paused)
                .length,
          ),
        { timeout: 30_000 },
      )
      .toBe(2);
  }
  // Speaker view puts one large and the others in a strip; grid again.
  await pa.getByRole("button", { name: "Speaker" }).click();
  await expect(pa.getByTestId("room-tile").or(pa.getByTestId("room-tile-local"))).toHaveCount(3);
  await pa.getByRole("button", { name: "Grid" }).click();

  // Cy leaves: the others see two in the room, and the group page follows.
  await pc.getByTestId("room-leave").click();
  await expect(pc).toHaveURL(new RegExp(`/${handle}$`));
  for (const p of [pa, pb]) await expect(p.getByTestId("room-count")).toHaveText(/^2 of at most 16/, { timeout: 30_000 });
  await expect(pc.getByTestId("group-in-room")).toHaveText(/In it now: .+, .+/, { timeout: 15_000 });
  await expect(pc.getByTestId("group-in-room")).not.toContainText(cy.displayName);
  // Dialling the group's number from /call takes Cy back to the room.
  await pc.goto("/call");
  await pc.getByTestId("dial-input").fill(group.number);
  await pc.getByTestId("dial-call").click();
  await expect(pc).toHaveURL(new RegExp(`/${handle}/room$`));
  await expect(pc.getByTestId("room-preview")).toBeVisible();
  for (const p of [pa, pb, pc]) await p.context().close();
});
