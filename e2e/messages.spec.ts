import { type Browser, expect, type Page, test } from "@playwright/test";
import { registerMember } from "./support/auth";
import { memberPage } from "./support/calls";
import { STACK_CLOCKS } from "../tests/support/clocks";
import { expectFitsPhone, PHONE } from "./support/mall";
import { mailsTo, newestVerificationLink } from "./support/outbox";

type Person = Awaited<ReturnType<typeof registerMember>>;

/** A asks B to be contacts and B accepts: messages between them are not requests. */
async function makeContacts(pa: Page, a: Person, pb: Page, b: Person) {
  expect((await pa.request.post("/api/contacts", { data: { to: b.handle } })).status()).toBe(201);
  expect((await pb.request.post(`/api/contacts/${a.id}`, { data: { action: "accept" } })).ok()).toBe(true);
}

const thread = (p: Page) => p.getByTestId("thread");
const bodies = (p: Page) => thread(p).locator('[data-testid="message"] [data-testid="message-body"]');

async function write(p: Page, text: string) {
  await p.getByTestId("composer-input").fill(text);
  await p.getByTestId("composer-input").press("Enter");
}

async function openWith(browser: Browser, who: Person, path: string) {
  return memberPage(browser, who, path);
}

test("two members on two devices each: messages reach every device in order, a device offline catches up, read on one device clears the other", async ({
  browser,
  request,
}) => {
  const a = await registerMember(request);
  const b = await registerMember(request);
  const a1 = await openWith(browser, a, `/${b.handle}`);
  const b1 = await openWith(browser, b, "/messages");
  await makeContacts(a1, a, b1, b);
  const a2 = await openWith(browser, a, "/messages");
  const b2 = await openWith(browser, b, "/directory");

  // A opens the conversation from B's page and writes; Enter sends, Shift+Enter breaks a line.
  await a1.getByTestId("member-actions").getByTestId("message-button").click();
  await expect(a1).toHaveURL(/\/messages\/[a-z0-9]+$/);
  const conversationUrl = new URL(a1.url()).pathname;
  await expect(a1.getByTestId("thread-empty")).toBeVisible();
  // While its socket is connected, a device sends over it: no request per message.
  const posts: string[] = [];
  a1.on("request", (r) => {
    if (r.method() === "POST" && new URL(r.url()).pathname === `/api${conversationUrl}`) posts.push(r.url());
  });
  await a1.getByTestId("composer-input").fill("Hello B");
  await a1.getByTestId("composer-input").press("Shift+Enter");
  await a1.getByTestId("composer-input").pressSequentially("second line");
  await a1.getByTestId("composer-input").press("Enter");
  await expect(bodies(a1)).toHaveText(["Hello B\nsecond line"]);

  // B's header badge counts it live on a page that is not /messages; B's other device lists it.
  await expect(b2.getByTestId("messages-unread").first()).toHaveText("1");
  const row = b1.getByTestId("conversation-row");
  await expect(row).toHaveAttribute("data-unread", "1");
  // A's other device lists the conversation with what A wrote from the first.
  await expect(a2.getByTestId("conversation-row")).toContainText("Hello B");

  // B reads on device 1: the count clears on device 2 at once, and A sees "read".
  await row.click();
  await expect(bodies(b1)).toHaveText(["Hello B\nsecond line"]);
  await expect(b2.getByTestId("messages-unread")).toHaveCount(0);
  await expect(a1.locator('[data-testid="message"][data-mine="1"] [data-testid="receipt"]').last()).toHaveAttribute("data-receipt", "read");

  // B types: A sees it; B's answer shows on both of A's devices, and A's own second device shows A's message too.
  await b1.getByTestId("composer-input").pressSequentially("Hi", { delay: 50 });
  await expect(a1.getByTestId("typing")).toContainText("is typing");
  await b1.getByTestId("composer-input").press("Enter");
  await a2.goto(conversationUrl);
  await expect(bodies(a2)).toHaveText(["Hello B\nsecond line", "Hi"]);
  await expect(bodies(a1)).toHaveText(["Hello B\nsecond line", "Hi"]);
  await expect(a1.getByTestId("typing")).not.toContainText("is typing");

  // B's device 2 goes offline while A writes three messages; back online, it has all, in order, once.
  await b2.goto(conversationUrl);
  await expect(bodies(b2)).toHaveText(["Hello B\nsecond line", "Hi"]);
  await b2.context().setOffline(true);
  await expect(b2.getByTestId("messages-offline")).toBeVisible({ timeout: 60_000 });
  for (const t of ["one", "two", "three"]) await write(a1, t);
  await expect(bodies(b1)).toHaveText(["Hello B\nsecond line", "Hi", "one", "two", "three"]);
  await expect(bodies(b2)).toHaveText(["Hello B\nsecond line", "Hi"]);
  await b2.context().setOffline(false);
  await expect(bodies(b2)).toHaveText(["Hello B\nsecond line", "Hi", "one", "two", "three"], { timeout: 60_000 });
  expect(posts).toEqual([]);

  // A message written while A's device is offline waits (through a reload) and goes out when it is back.
  await a2.context().setOffline(true);
  await expect(a2.getByTestId("messages-offline")).toBeVisible({ timeout: 60_000 });
  await write(a2, "written offline");
  await expect(a2.getByTestId("pending-message")).toContainText("written offline");
  await a2.context().setOffline(false);
  await expect(bodies(b1)).toHaveText(["Hello B\nsecond line", "Hi", "one", "two", "three", "written offline"], { timeout: 60_000 });
  await expect(bodies(a2).last()).toHaveText("written offline");
  await expect(a2.getByTestId("pending-message")).toHaveCount(0);

  // A edits and deletes: every device shows "edited" and "deleted".
  const mine = a1.locator('[data-testid="message"][data-mine="1"]');
  await mine.filter({ hasText: "two" }).hover();
  await mine.filter({ hasText: "two" }).getByRole("button", { name: "Edit" }).click();
  await a1.getByTestId("composer-input").fill("two (fixed)");
  await a1.getByTestId("composer-input").press("Enter");
  const edited = b2.locator('[data-testid="message"]').filter({ hasText: "two (fixed)" });
  await expect(edited.getByTestId("message-edited")).toBeVisible();
  a1.once("dialog", (d) => void d.accept());
  await mine.filter({ hasText: "three" }).hover();
  await mine.filter({ hasText: "three" }).getByRole("button", { name: "Delete" }).click();
  await expect(b1.getByTestId("message-deleted")).toHaveCount(1);
  await expect(b2.getByTestId("message-deleted")).toHaveCount(1);
  await expect(bodies(b2)).toHaveText(["Hello B\nsecond line", "Hi", "one", "two (fixed)", "written offline"]);

  // Search finds the message and jumps to it in its context.
  await b1.goto("/messages");
  // The list comes from the client: once it shows, the page is live and the search box keeps what is typed.
  await expect(b1.getByTestId("conversation-row")).toBeVisible();
  await b1.getByTestId("message-search").fill("fixe");
  await b1.getByTestId("search-result").first().click();
  await expect(bodies(b1)).toContainText(["two (fixed)"]);

  // At phone width the conversation fills the screen and nothing spills sideways.
  await b1.setViewportSize(PHONE);
  await expect(thread(b1)).toBeVisible();
  await expectFitsPhone(b1);

  for (const p of [a1, a2, b1, b2]) await p.context().close();
});

test("a stranger's message arrives as a request: accepted it becomes a conversation; a blocked stranger's messages are refused", async ({
  browser,
  request,
}) => {
  const a = await registerMember(request);
  const stranger = await registerMember(request);
  const pest = await registerMember(request);
  const pa = await openWith(browser, a, "/messages");
  const ps = await openWith(browser, stranger, `/${a.handle}`);

  await ps.getByTestId("member-actions").getByTestId("message-button").click();
  await write(ps, "Hi, we met at the conference");
  await expect(bodies(ps)).toHaveText(["Hi, we met at the conference"]);

  const requests = pa.getByTestId("message-requests");
  await expect(requests).toContainText(stranger.displayName);
  await requests.getByTestId("conversation-row").click();
  await expect(pa.getByTestId("request-banner")).toBeVisible();
  await expect(pa.getByTestId("composer-disabled")).toBeVisible();
  // Not accepted yet: the stranger does not learn it was read.
  await expect(ps.locator('[data-testid="receipt"]').last()).not.toHaveAttribute("data-receipt", "read");
  await pa.getByRole("button", { name: "Accept" }).click();
  await expect(pa.getByTestId("request-banner")).toHaveCount(0);
  await write(pa, "Nice to hear from you");
  await expect(bodies(ps)).toHaveText(["Hi, we met at the conference", "Nice to hear from you"]);

  // Another stranger is blocked from the request; their next message is refused and says so.
  const pp = await openWith(browser, pest, `/${a.handle}`);
  await pp.getByTestId("member-actions").getByTestId("message-button").click();
  await write(pp, "Buy my stuff");
  await expect(bodies(pp)).toHaveText(["Buy my stuff"]);
  await pa.goto("/messages");
  await pa.getByTestId("message-requests").getByTestId("conversation-row").click();
  pa.once("dialog", (d) => void d.accept());
  await pa.getByRole("button", { name: "Block" }).click();
  await expect(pa).toHaveURL(/\/messages$/);
  await expect(pa.getByTestId("message-requests")).toHaveCount(0);
  await write(pp, "Hello?");
  await expect(pp.getByTestId("pending-message")).toHaveAttribute("data-state", "unsent");
  await expect(pp.getByTestId("pending-message")).toContainText("You cannot write to this member");

  for (const p of [pa, ps, pp]) await p.context().close();
});

test("a picture sent is typed by its bytes, shown as a thumbnail on the other side and opened in a preview", async ({
  browser,
  request,
}) => {
  const a = await registerMember(request);
  const b = await registerMember(request);
  const pa = await openWith(browser, a, `/${b.handle}`);
  const pb = await openWith(browser, b, "/messages");
  await makeContacts(pa, a, pb, b);
  await pa.getByTestId("member-actions").getByTestId("message-button").click();
  await expect(pa.getByTestId("thread-empty")).toBeVisible();
  // A small PNG made in the page (the bytes decide its type, not the name).
  const png = await pa.evaluate(async () => {
    const c = document.createElement("canvas");
    c.width = 640;
    c.height = 400;
    const g = c.getContext("2d")!;
    g.fillStyle = "#2552e0";
    g.fillRect(0, 0, 640, 400);
    const blob = await new Promise<Blob>((r) => c.toBlob((b) => r(b!), "image/png"));
    return Array.from(new Uint8Array(await blob.arrayBuffer()));
  });
  await pa.getByTestId("file-input").setInputFiles({ name: "holiday.jpg", mimeType: "image/jpeg", buffer: Buffer.from(png) });
  await expect(pa.getByTestId("message-image")).toBeVisible();
  await pb.getByTestId("conversation-row").click();
  const img = pb.getByTestId("message-image");
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(480);
  await img.click();
  await expect(pb.getByTestId("picture-preview")).toBeVisible();
  await expect
    .poll(() =>
      pb
        .getByTestId("picture-preview")
        .locator("img")
        .evaluate((el) => (el as HTMLImageElement).naturalWidth),
    )
    .toBe(640);
  // The stored picture says what it is: a PNG, whatever its name claimed.
  const src = await pb.getByTestId("picture-preview").locator("img").getAttribute("src");
  const res = await pb.request.get(src!);
  expect(res.headers()["content-type"]).toBe("image/png");
  // Someone outside the conversation gets nothing.
  const c = await registerMember(request);
  const pc = await openWith(browser, c, "/");
  expect((await pc.request.get(src!)).status()).toBe(404);
  for (const p of [pa, pb, pc]) await p.context().close();
});

test("a member away with unread messages gets one email digest, whose link turns digests off", async ({ browser, request }) => {
  const a = await registerMember(request);
  const b = await registerMember(request);
  const pa = await openWith(browser, a, `/${b.handle}`);
  const pb = await openWith(browser, b, "/messages");
  await makeContacts(pa, a, pb, b);
  // B confirms the address (only a verified address gets digests), then leaves: no live connection.
  await pb.goto(newestVerificationLink(b.email));
  await pb.getByRole("button", { name: "Confirm my address" }).click();
  await expect(pb.getByTestId("email-verified")).toBeVisible();
  await pb.context().close();

  await pa.getByTestId("member-actions").getByTestId("message-button").click();
  await write(pa, "Are we still on for Friday?");
  await expect(bodies(pa)).toHaveText(["Are we still on for Friday?"]);
  // The stack's away time is STACK_CLOCKS.MESSAGE_DIGEST_AFTER_SECONDS: the digest follows shortly.
  await expect.poll(() => mailsTo(b.email).filter((m) => m.includes("unread message")).length, { timeout: 30_000 }).toBe(1);
  const digest = mailsTo(b.email).find((m) => m.includes("unread message"))!;
  expect(digest).toContain(`Subject: 1 unread message from ${a.displayName}`);
  expect(digest).toContain("Are we still on for Friday?");
  // Another message while B is still away: no second digest.
  await write(pa, "Let me know");
  await pa.waitForTimeout(STACK_CLOCKS.MESSAGE_DIGEST_AFTER_SECONDS * 2000);
  expect(mailsTo(b.email).filter((m) => m.includes("unread message"))).toHaveLength(1);

  // The link works without signing in, after one click (a mail scanner opening it changes nothing).
  const off = /(\/messages\/digest-off\?m=)3D([^&\s]+)&t=3D([A-Za-z0-9_-]+)/.exec(digest);
  expect(off).not.toBeNull();
  const guest = await (await browser.newContext()).newPage();
  await guest.goto(`/messages/digest-off?m=${off![2]}&t=${off![3]}`);
  await guest.getByRole("button", { name: "Stop these emails" }).click();
  await expect(guest.getByTestId("digest-off-done")).toBeVisible();
  const pb2 = await openWith(browser, b, "/messages");
  await expect(pb2.getByTestId("digest-setting")).not.toBeChecked();
  for (const p of [pa, guest, pb2]) await p.context().close();
});

test("a group conversation of three: made from contacts, everyone sees who wrote, one leaves and the others go on", async ({
  browser,
  request,
}) => {
  const [a, b, c] = [await registerMember(request), await registerMember(request), await registerMember(request)];
  const pa = await openWith(browser, a, "/messages");
  const pb = await openWith(browser, b, "/messages");
  const pc = await openWith(browser, c, "/messages");
  await makeContacts(pa, a, pb, b);
  await makeContacts(pa, a, pc, c);

  await pa.getByTestId("new-group").click();
  await pa.getByTestId("group-title").fill("Friday lunch");
  await pa.getByTestId(`pick-${b.handle}`).check();
  await pa.getByTestId(`pick-${c.handle}`).check();
  await pa.getByTestId("create-group").click();
  await expect(pa.getByTestId("group-people")).toHaveText("3 people");
  await write(pa, "Pizza or sushi?");

  // The group appears on the others' lists live, with the message.
  for (const p of [pb, pc])
    await expect(p.getByTestId("conversation-row").filter({ hasText: "Friday lunch" })).toContainText("Pizza or sushi?");
  await pc.getByTestId("conversation-row").filter({ hasText: "Friday lunch" }).click();
  await write(pc, "Sushi");
  await pb.getByTestId("conversation-row").filter({ hasText: "Friday lunch" }).click();
  await expect(bodies(pb)).toHaveText(["Pizza or sushi?", "Sushi"]);
  await expect(thread(pb).locator('[data-testid="message"]').last()).toContainText(c.displayName);

  // B leaves: the list no longer has it; A and C go on.
  await pb.getByTestId("group-people").click();
  pb.once("dialog", (d) => void d.accept());
  await pb.getByRole("button", { name: "Leave group" }).click();
  await expect(pb).toHaveURL(/\/messages$/);
  await expect(pb.getByTestId("conversation-row").filter({ hasText: "Friday lunch" })).toHaveCount(0);
  await expect(pa.getByTestId("group-people")).toHaveText("2 people");
  await write(pa, "Sushi it is");
  await expect(bodies(pc)).toHaveText(["Pizza or sushi?", "Sushi", "Sushi it is"]);
  for (const p of [pa, pb, pc]) await p.context().close();
});
