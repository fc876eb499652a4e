import { expect, type Page, test } from "@playwright/test";
import { STACK_CLOCKS } from "../tests/support/clocks";
import { registerMember } from "./support/auth";
import { dial, expectRemoteAudio, expectRemoteVideo, memberPage, ringtonePlaying } from "./support/calls";
import { record } from "./support/mailbox";

test.describe.configure({ timeout: 120_000 });

/** Keeps the page's RTCPeerConnections where the test can read their statistics (test instrumentation only). */
const KEEP_PEER_CONNECTIONS = () => {
  const Base = window.RTCPeerConnection;
  const all: RTCPeerConnection[] = [];
  (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs = all;
  window.RTCPeerConnection = class extends Base {
    constructor(config?: RTCConfiguration) {
      super(config);
      all.push(this);
    }
  } as typeof RTCPeerConnection;
};

/** Connected peer connections of the page, the media bytes received on them and the video frames decoded. */
const received = (page: Page) =>
  page.evaluate(async () => {
    const out = { connected: 0, bytes: 0, frames: 0 };
    for (const pc of (window as unknown as { __pcs?: RTCPeerConnection[] }).__pcs ?? []) {
      if (pc.connectionState === "connected") out.connected++;
      (await pc.getStats()).forEach((r: { type: string; bytesReceived?: number; framesDecoded?: number }) => {
        if (r.type !== "inbound-rtp") return;
        out.bytes += r.bytesReceived ?? 0;
        out.frames += r.framesDecoded ?? 0;
      });
    }
    return out;
  });

test("A calls B by number, B accepts, they see and hear each other, A hangs up and both calls end", async ({ browser, request }) => {
  const a = await registerMember(request, { displayName: "Caller Ann" });
  const b = await registerMember(request, { displayName: "Callee Ben" });
  const pa = await memberPage(browser, a);
  const pb = await memberPage(browser, b, "/directory");

  // Ben has a second tab open: both ring, the first to accept takes the call, the other stops.
  await pb.context().addInitScript(KEEP_PEER_CONNECTIONS);
  const pb2 = await pb.context().newPage();
  await pb2.goto("/");

  await dial(pa, b.number);
  await expect(pa.getByTestId("call-phase")).toHaveText("Ringing…");
  const ring = pb.getByTestId("incoming-call");
  await expect(ring).toBeVisible();
  await expect(ring).toContainText("Caller Ann");
  await expect(pb2.getByTestId("incoming-call")).toBeVisible();
  // Both tabs ring out loud.
  for (const p of [pb, pb2]) await expect.poll(() => ringtonePlaying(p)).toBe(true);
  // While it rings, each tab has started the camera (a preview) and waits in the call's room, so
  // that answering costs no connection: the server lets the answering tab in.
  // The tab that answers shows its camera; the other waits in the room too. (Waiting for the second
  // tab's camera as well spent the stack's ring, then 15 s, on a loaded machine: the accept came too late.)
  const preview = pb.getByTestId("ring-preview");
  await expect(preview).toBeVisible();
  await expect.poll(() => preview.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(2);
  for (const p of [pb, pb2]) await expect(p.getByTestId("incoming-call")).toHaveAttribute("data-room", "waiting");
  // Ann's camera is out (her own preview plays once it is published) and the second tab is connected
  // to the room, yet receives nothing of her: a member who has not answered neither sees nor hears the caller.
  await expect.poll(() => pa.getByTestId("local-video").evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(2);
  await expect.poll(async () => (await received(pb2)).connected).toBeGreaterThan(0);
  await pb2.waitForTimeout(2_000);
  expect(await received(pb2)).toMatchObject({ bytes: 0, frames: 0 });
  const answer = pb.waitForResponse((r) => r.url().endsWith("/accept"));
  await ring.getByRole("button", { name: "Accept" }).click();
  expect(await (await answer).json()).toMatchObject({ status: "connected", inRoom: true });
  await pb.waitForURL(/\/call\//);
  await expect(pb2.getByTestId("incoming-call")).toBeHidden();
  for (const p of [pb, pb2]) await expect.poll(() => ringtonePlaying(p)).toBe(false);

  await expect(pa.getByTestId("call-screen")).toHaveAttribute("data-status", "connected");
  await expect(pb.getByTestId("call-screen")).toHaveAttribute("data-status", "connected");
  await expectRemoteVideo(pa);
  await expectRemoteVideo(pb);
  await expectRemoteAudio(pa);
  await expectRemoteAudio(pb);
  await expect(pa.getByTestId("call-timer")).toBeVisible();

  // Busy to everyone else while in the call.
  const status = (await (await request.get(`/api/directory?name=${encodeURIComponent("Callee Ben")}&sort=name`)).json()) as {
    rows: { id: string; status: string }[];
  };
  expect(status.rows.find((r) => r.id === b.id)?.status).toBe("busy");
  // And to Ben himself: his header says he is in a call, not "Online".
  await expect(pb.getByTestId("status-menu")).toHaveAttribute("data-status", "busy");

  // The microphone can be switched from a menu during the call (Chromium's fake devices).
  await pa.getByRole("button", { name: "Choose microphone" }).click();
  const items = pa.getByRole("menuitem");
  await expect(items.first()).toBeVisible();
  await items.last().click();
  await expect(pa.getByRole("menu")).toBeHidden();
  await expect(pa.getByTestId("call-screen")).toHaveAttribute("data-status", "connected");

  // Mute and camera off are real toggles.
  await pa.getByTestId("toggle-mic").click();
  await expect(pa.getByTestId("toggle-mic")).toHaveAttribute("aria-pressed", "true");
  await pa.getByTestId("toggle-camera").click();
  await expect(pa.getByTestId("toggle-camera")).toHaveAttribute("aria-pressed", "true");

  await pa.getByTestId("hang-up").click();
  await expect(pa.getByTestId("call-ended")).toHaveAttribute("data-outcome", "completed");
  await expect(pb.getByTestId("call-ended")).toHaveAttribute("data-outcome", "completed", { timeout: 10_000 });
  await expect(pb.getByTestId("status-menu")).toHaveAttribute("data-status", "online");
  await pa.context().close();
  await pb.context().close();
});

test("a declined call tells the caller why and offers a message", async ({ browser, request }) => {
  const a = await registerMember(request);
  const b = await registerMember(request);
  const pa = await memberPage(browser, a);
  const pb = await memberPage(browser, b);
  await dial(pa, b.number, "voice");
  await pb.getByTestId("incoming-call").getByRole("button", { name: "Decline" }).click();
  await expect(pa.getByTestId("call-ended")).toHaveAttribute("data-outcome", "declined");
  await expect(pa.getByTestId("call-outcome")).toHaveText("The call was declined.");
  await expect(pa.getByTestId("leave-message")).toBeVisible();
  await pa.context().close();
  await pb.context().close();
});

test("an unanswered call is missed when its ring time runs out on the server, marked in the callee's history, and the caller leaves a message", async ({
  browser,
  request,
}) => {
  const a = await registerMember(request);
  const b = await registerMember(request);
  const pa = await memberPage(browser, a);
  const pb = await memberPage(browser, b);
  await dial(pa, b.number);
  await expect(pb.getByTestId("incoming-call")).toBeVisible();
  // Nobody touches either tab: the server's clock ends it.
  await expect(pa.getByTestId("call-ended")).toHaveAttribute("data-outcome", "missed", {
    timeout: (STACK_CLOCKS.CALL_RING_SECONDS + 10) * 1000,
  });
  await expect(pb.getByTestId("incoming-call")).toBeHidden();
  await pb.goto("/calls");
  await expect(pb.getByTestId("call-row").first()).toHaveAttribute("data-unseen", "1");
  // Rendering the list wrote nothing; the page itself says it was seen, then a reload shows it so.
  await expect(pb.getByTestId("missed-seen")).toHaveAttribute("data-done", "1");
  await pb.reload();
  await expect(pb.getByTestId("call-row").first()).toHaveAttribute("data-unseen", "0");

  // The caller leaves a message from the outcome page; it is filed as left after the missed call.
  await pa.getByTestId("leave-message").click();
  await record(pa, 2, "voice");
  await pa.getByTestId("send-message").click();
  await expect(pa.getByTestId("message-sent")).toBeVisible();
  await pb.goto("/mailbox");
  await expect(pb.getByTestId("message-row").first()).toContainText("after a missed call");
  await pa.context().close();
  await pb.context().close();
});

test("busy, blocked, offline and a stranger's token request", async ({ browser, request }) => {
  const a = await registerMember(request);
  const b = await registerMember(request);
  const c = await registerMember(request);
  const offline = await registerMember(request);
  const pa = await memberPage(browser, a);
  const pb = await memberPage(browser, b);
  const pc = await memberPage(browser, c);

  await dial(pa, b.number);
  await pb.getByTestId("incoming-call").getByRole("button", { name: "Accept" }).click();
  await expect(pa.getByTestId("call-screen")).toHaveAttribute("data-status", "connected");
  const callId = pa.url().split("/").pop()!;

  // C is not part of A and B's call: no token, no details.
  const token = await pc.request.post(`/api/calls/${callId}/token`);
  expect(token.status()).toBe(404);
  expect(((await token.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");

  await dial(pc, b.number);
  await expect(pc.getByTestId("call-ended")).toHaveAttribute("data-outcome", "busy");
  await pa.getByTestId("hang-up").click();
  await expect(pb.getByTestId("call-ended")).toBeVisible();

  // B blocks C: C's call ends as unavailable and B's devices never ring.
  await pb.goto(`/${c.handle}`);
  await pb.getByTestId("block-button").click();
  await expect(pb.getByTestId("block-button")).toHaveAttribute("aria-pressed", "true");
  await dial(pc, b.number);
  await expect(pc.getByTestId("call-ended")).toHaveAttribute("data-outcome", "unavailable");
  await pb.waitForTimeout(1000);
  await expect(pb.getByTestId("incoming-call")).toHaveCount(0);

  // Nobody connected: unavailable.
  await dial(pa, offline.number);
  await expect(pa.getByTestId("call-ended")).toHaveAttribute("data-outcome", "unavailable");
  await expect(pa.getByTestId("leave-message")).toBeVisible();

  // A number nobody has is a clear error, not a call.
  await pa.goto("/call");
  await pa.getByTestId("dial-input").fill("2000 0000 0001");
  await pa.getByTestId("dial-call").click();
  await expect(pa.locator("#dial-error")).toHaveText("No member has that number.");
  for (const p of [pa, pb, pc]) await p.context().close();
});
