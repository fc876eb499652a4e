import { expect, test } from "@playwright/test";
import { registerMember } from "./support/auth";
import { memberPage } from "./support/calls";

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
  // Ann shares her screen: the others see it as a tile of its own.
  await pa.getByTestId("room-share").click();
  await expect(pa.getByTestId("room-share")).toHaveText("Stop sharing");
  for (const p of [pb, pc]) await expect(p.locator('[data-testid="room-tile"][data-source="screen"]')).toBeVisible({ timeout: 30_000 });
  await pa.getByTestId("room-share").click();
  for (const p of [pb, pc]) await expect(p.locator('[data-testid="room-tile"][data-source="screen"]')).toHaveCount(0, { timeout: 30_000 });
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
