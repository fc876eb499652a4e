import { expect, type Page, test } from "@playwright/test";
import { registerMember } from "./support/auth";
import { dial, expectRemoteVideo, memberPage } from "./support/calls";

test.describe.configure({ timeout: 120_000 });

const doc = (rules: unknown[], more: Record<string, unknown> = {}) => ({
  timeZone: "Europe/Lisbon",
  rules,
  dnd: { favourites: false, repeatCallers: false },
  awayReply: "",
  ...more,
});

/** Saves the member's rules through the route the settings page uses. */
async function setRules(page: Page, d: ReturnType<typeof doc>) {
  const current = (await (await page.request.get("/api/settings/calls")).json()) as { version: number };
  const res = await page.request.put("/api/settings/calls", { data: { version: current.version, doc: d } });
  expect(res.status(), await res.text()).toBe(200);
}

async function setStatus(page: Page, setting: "online" | "dnd" | "away") {
  expect((await page.request.put("/api/presence/status", { data: { setting } })).status()).toBe(200);
}

test("do-not-disturb lets a favourite ring through, and a stranger goes to the mailbox", async ({ browser, request }) => {
  const ada = await registerMember(request, { displayName: "Ada Routing" });
  const friend = await registerMember(request, { displayName: "Fay Friend" });
  const stranger = await registerMember(request, { displayName: "Sam Stranger" });
  const pa = await memberPage(browser, ada, "/directory");
  expect((await pa.request.post("/api/contacts", { data: { to: friend.handle } })).status()).toBe(201);
  expect((await pa.request.patch(`/api/contacts/${friend.id}`, { data: { favourite: true } })).status()).toBe(200);
  await setRules(pa, doc([], { dnd: { favourites: true, repeatCallers: false } }));
  await setStatus(pa, "dnd");

  const pf = await memberPage(browser, friend);
  await dial(pf, ada.number);
  const ring = pa.getByTestId("incoming-call");
  await expect(ring).toBeVisible();
  await expect(ring).toContainText("Fay Friend");
  await ring.getByRole("button", { name: "Decline" }).click();
  await expect(pf.getByTestId("call-ended")).toHaveAttribute("data-outcome", "declined");

  const ps = await memberPage(browser, stranger);
  await dial(ps, ada.number);
  await expect(ps.getByTestId("call-ended")).toHaveAttribute("data-outcome", "unavailable");
  await expect(ps.getByTestId("leave-message")).toBeVisible();
  await expect(pa.getByTestId("incoming-call")).toBeHidden();
  for (const p of [pa, pf, ps]) await p.context().close();
});

test("an unanswered call forwards after 10 s to another member who answers; each sees the path in /calls", async ({ browser, request }) => {
  const ada = await registerMember(request, { displayName: "Ada Forwarder" });
  const ben = await registerMember(request, { displayName: "Ben Backup" });
  const cy = await registerMember(request, { displayName: "Cy Caller" });
  const pa = await memberPage(browser, ada, "/directory");
  const pb = await memberPage(browser, ben, "/directory");
  const pc = await memberPage(browser, cy);
  await setRules(
    pa,
    doc([
      {
        id: "fwd",
        name: "Ben covers",
        when: {},
        then: { type: "ring", devices: "all", seconds: 10, otherwise: { type: "forward", to: ben.number } },
      },
    ]),
  );

  await dial(pc, ada.number);
  await expect(pa.getByTestId("incoming-call")).toBeVisible();
  const started = Date.now();
  const benRing = pb.getByTestId("incoming-call");
  await expect(benRing).toBeVisible({ timeout: 20_000 });
  expect(Date.now() - started).toBeGreaterThan(7_000);
  await expect(benRing.getByTestId("ring-meant-for")).toHaveText("Ada Forwarder's call, forwarded");
  await expect(pa.getByTestId("incoming-call")).toBeHidden();
  await expect(pc.getByTestId("call-forwarded")).toHaveText("Ada Forwarder forwarded your call to Ben Backup");
  await benRing.getByRole("button", { name: "Accept" }).click();
  await pb.waitForURL(/\/call\//);
  await expect(pc.getByTestId("call-screen")).toHaveAttribute("data-status", "connected");
  await expectRemoteVideo(pc);
  await expect(pb.getByTestId("call-forwarded")).toHaveText("Ada Forwarder's call, forwarded");
  await pc.getByTestId("hang-up").click();
  await expect(pb.getByTestId("call-ended")).toHaveAttribute("data-outcome", "completed", { timeout: 10_000 });

  await pa.goto("/calls");
  await expect(pa.getByTestId("call-path").first()).toHaveText(
    /^rang Chrome on Linux 1\d s → forwarded to Ben Backup → rang Ben Backup \d+ s → Ben Backup answered$/,
  );
  await expect(pa.getByTestId("call-row").first()).toContainText("Forwarded by your rules");
  await pb.goto("/calls");
  await expect(pb.getByTestId("call-meant-for").first()).toHaveText("Ada Forwarder's call, forwarded");
  await pc.goto("/calls");
  await expect(pc.getByTestId("call-meant-for").first()).toHaveText("You called Ada Forwarder; forwarded");
  await expect(pc.getByTestId("call-path").first()).toContainText("rang Ada Forwarder 1");
  await expect(pc.getByTestId("call-path").first()).not.toContainText("Chrome");
  for (const p of [pa, pb, pc]) await p.context().close();
});

test("a missed call shows in the header at once, without a reload", async ({ browser, request }) => {
  const ada = await registerMember(request);
  const cy = await registerMember(request);
  const pa = await memberPage(browser, ada, "/directory");
  await setRules(pa, doc([{ id: "short", when: {}, then: { type: "ring", devices: "all", seconds: 5, otherwise: { type: "mailbox" } } }]));
  await expect(pa.getByTestId("nav-calls").getByTestId("missed-count")).toHaveCount(0);
  const pc = await memberPage(browser, cy);
  await dial(pc, ada.number, "voice");
  await expect(pa.getByTestId("incoming-call")).toBeVisible();
  await expect(pc.getByTestId("call-ended")).toHaveAttribute("data-outcome", "missed", { timeout: 15_000 });
  await expect(pa.getByTestId("nav-calls").getByTestId("missed-count")).toHaveText("1");
  // Seen on /calls in another tab: this one's badge clears too.
  const other = await pa.context().newPage();
  await other.goto("/calls");
  await expect(other.getByTestId("missed-seen")).toHaveAttribute("data-done", "1");
  await expect(pa.getByTestId("nav-calls").getByTestId("missed-count")).toHaveCount(0);
  for (const p of [pa, pc]) await p.context().close();
});

test("call me when free: asked after an unanswered call, seen by the callee, and completed when the callee is available", async ({
  browser,
  request,
}) => {
  const ada = await registerMember(request, { displayName: "Ada Busy" });
  const cy = await registerMember(request, { displayName: "Cy Patient" });
  const pa = await memberPage(browser, ada, "/calls");
  // Cy may see Ada's presence (a contact she accepted), so he is offered the call too.
  const pc = await memberPage(browser, cy);
  expect((await pc.request.post("/api/contacts", { data: { to: ada.handle } })).status()).toBe(201);
  expect((await pa.request.post(`/api/contacts/${cy.id}`, { data: { action: "accept" } })).status()).toBe(200);
  await setStatus(pa, "dnd");

  await dial(pc, ada.number);
  await expect(pc.getByTestId("call-ended")).toHaveAttribute("data-outcome", "unavailable");
  await pc.getByTestId("callback-request").click();
  await expect(pc.getByTestId("callback-requested")).toContainText("Ada Busy sees your request");
  const row = pa.getByTestId("callback-row");
  await expect(row).toHaveAttribute("data-side", "asked-of");
  await expect(row).toContainText("Cy Patient asked you to call back");

  await setStatus(pa, "online");
  await expect(pa.getByTestId("callback-offer")).toContainText("Cy Patient asked you to call back");
  const offer = pc.getByTestId("callback-offer");
  await expect(offer).toContainText("Ada Busy is free now");
  await offer.getByRole("button", { name: /call Ada Busy/i }).click();
  await pc.waitForURL(/\/call\//);
  await pa.getByTestId("incoming-call").getByRole("button", { name: "Accept" }).click();
  await expect(pc.getByTestId("call-screen")).toHaveAttribute("data-status", "connected");
  await expectRemoteVideo(pa);
  await pc.getByTestId("hang-up").click();
  await expect(pa.getByTestId("call-ended")).toHaveAttribute("data-outcome", "completed", { timeout: 10_000 });
  for (const p of [pa, pc]) await p.context().close();
});
