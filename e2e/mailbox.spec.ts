import { type Browser, expect, type Page, test } from "@playwright/test";
import { registerMember } from "./support/auth";
import { memberPage } from "./support/calls";
import { record } from "./support/mailbox";

test.describe.configure({ timeout: 120_000 });

async function guestPage(browser: Browser, path: string) {
  const ctx = await browser.newContext({ permissions: ["camera", "microphone"] });
  const page = await ctx.newPage();
  await page.goto(path);
  return page;
}

/** The open message's player: its duration, then a seek to the middle that lands there and plays on. */
async function playAndSeekToMiddle(page: Page) {
  return page.evaluate(async () => {
    const v = document.querySelector("[data-testid=message-player]") as HTMLMediaElement;
    if (v.readyState < 1) await new Promise((r) => v.addEventListener("loadedmetadata", r, { once: true }));
    const duration = v.duration;
    v.muted = true;
    await v.play();
    const mid = duration / 2;
    v.currentTime = mid;
    await new Promise((r) => v.addEventListener("seeked", r, { once: true }));
    const landed = v.currentTime;
    await new Promise((r) => setTimeout(r, 600));
    return { duration, mid, landed, after: v.currentTime };
  });
}

test("a guest leaves a video message; the owner sees it arrive live, plays it, seeks, deletes and restores it", async ({
  browser,
  request,
}) => {
  const owner = await registerMember(request, { displayName: "Mona Mailbox" });
  const po = await memberPage(browser, owner, "/mailbox");
  await expect(po.getByTestId("mailbox-empty")).toBeVisible();

  const guest = await guestPage(browser, `/${owner.handle}`);
  await guest.getByTestId("leave-message-button").click();
  await record(guest, 3);
  // Sending without a name is explained, and the recording is kept.
  await guest.getByTestId("send-message").click();
  await expect(guest.getByTestId("recorder-error")).toContainText("your name");
  await guest.getByTestId("guest-name").fill("Gina Guest");
  await guest.getByTestId("guest-email").fill("gina@example.org");
  await guest.getByTestId("send-message").click();
  await expect(guest.getByTestId("message-sent")).toContainText("Mona's mailbox");

  // Live, without reloading: the header count and the list.
  await expect(po.getByTestId("nav-mailbox").getByTestId("unread-count")).toHaveText("1");
  const row = po.getByTestId("message-row").first();
  await expect(row).toContainText("Gina Guest");
  await expect(row).toHaveAttribute("data-read", "0");
  await row.click();
  await expect(row).toHaveAttribute("data-read", "1");
  await expect(po.getByTestId("nav-mailbox").getByTestId("unread-count")).toHaveCount(0);
  await expect(po.getByTestId("reply-email")).toHaveAttribute("href", /^mailto:gina@example\.org/);

  const played = await playAndSeekToMiddle(po);
  expect(played.duration).toBeGreaterThan(2);
  expect(played.duration).toBeLessThan(6);
  expect(Math.abs(played.landed - played.mid)).toBeLessThan(0.5);
  expect(played.after).toBeGreaterThan(played.landed);

  await po.getByTestId("playback-speed").selectOption("1.5");
  expect(await po.evaluate(() => (document.querySelector("[data-testid=message-player]") as HTMLMediaElement).playbackRate)).toBe(1.5);

  await po.getByTestId("delete-message").click();
  await expect(po.getByTestId("mailbox-empty")).toBeVisible();
  await po.getByTestId("folder-trash").click();
  await po.getByTestId("message-row").first().click();
  await po.getByTestId("restore-message").click();
  await po.getByTestId("folder-inbox").click();
  await expect(po.getByTestId("message-row")).toHaveCount(1);
  await guest.context().close();
  await po.context().close();
});

test("the owner records a greeting; a member hears it, and leaves a video message cut off half-way that arrives whole, and a voice-only one", async ({
  browser,
  request,
}) => {
  const owner = await registerMember(request, { displayName: "Otto Owner" });
  const sender = await registerMember(request, { displayName: "Sam Sender" });
  const po = await memberPage(browser, owner, "/mailbox");

  // The owner records a greeting, which callers then see before recording.
  const standard = po.getByTestId("greeting-standard");
  await standard.getByRole("button", { name: "Record" }).click();
  await record(po, 2, "voice");
  await po.getByTestId("send-message").click();
  // Saved (not the recorder's own review player): the slot now plays the stored greeting.
  await expect(standard.locator("audio[data-testid=saved-greeting]")).toBeVisible();

  const ps = await memberPage(browser, sender, `/${owner.handle}?message=1`);
  await expect(ps.locator("audio[data-testid=greeting-player]")).toBeVisible();
  expect(
    await ps.evaluate(async () => {
      const a = document.querySelector("[data-testid=greeting-player]") as HTMLAudioElement;
      if (a.readyState < 1) await new Promise((r) => a.addEventListener("loadedmetadata", r, { once: true }));
      return a.duration;
    }),
  ).toBeGreaterThan(1.5);

  // The second piece of the upload is cut off on the way; at that moment nothing is listed.
  let patches = 0;
  let listedWhenCut = -1;
  await ps.route("**/api/mailbox/uploads/*", async (route) => {
    if (route.request().method() !== "PATCH") return route.continue();
    if (++patches === 2) {
      listedWhenCut = ((await (await po.request.get("/api/mailbox/messages")).json()) as { messages: unknown[] }).messages.length;
      return route.abort("connectionreset");
    }
    return route.continue();
  });
  // Pieces start at 64 kB and double: eight seconds of video make at least three.
  await record(ps, 8);
  await ps.getByTestId("send-message").click();
  await expect(ps.getByTestId("message-sent")).toBeVisible({ timeout: 30_000 });
  expect(patches).toBeGreaterThanOrEqual(3);
  expect(listedWhenCut).toBe(0);
  await ps.unroute("**/api/mailbox/uploads/*");

  await ps.goto(`/${owner.handle}?message=1`);
  await record(ps, 2, "voice");
  await ps.getByTestId("send-message").click();
  await expect(ps.getByTestId("message-sent")).toBeVisible();

  await expect(po.getByTestId("nav-mailbox").getByTestId("unread-count")).toHaveText("2");
  const rows = po.getByTestId("message-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("Voice");
  await expect(rows.nth(1)).toContainText("Video");
  // The cut-off one plays to its full length.
  await rows.nth(1).click();
  const video = await playAndSeekToMiddle(po);
  expect(video.duration).toBeGreaterThan(7);
  await rows.first().click();
  await expect(po.locator("audio[data-testid=message-player]")).toBeVisible();
  const voice = await playAndSeekToMiddle(po);
  expect(voice.duration).toBeGreaterThan(1.5);
  await expect(po.getByTestId("message-detail").getByRole("button", { name: /Video call Sam/ })).toBeVisible();

  // Someone else can neither list, play nor delete it.
  const stranger = await registerMember(request);
  const pstr = await memberPage(browser, stranger, "/mailbox");
  const id = ((await (await po.request.get("/api/mailbox/messages")).json()) as { messages: { id: string }[] }).messages[0]!.id;
  expect(((await (await pstr.request.get("/api/mailbox/messages")).json()) as { messages: unknown[] }).messages).toHaveLength(0);
  expect((await pstr.request.get(`/api/mailbox/messages/${id}/media`)).status()).toBe(404);
  expect((await pstr.request.patch(`/api/mailbox/messages/${id}`, { data: { trashed: true } })).status()).toBe(404);
  expect((await request.get(`/api/mailbox/messages/${id}/media`)).status()).toBe(401);
  await expect(po.getByTestId("message-row")).toHaveCount(2);
  for (const p of [po, ps, pstr]) await p.context().close();
});
