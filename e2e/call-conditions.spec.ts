import { expect, test } from "@playwright/test";
import { registerMember } from "./support/auth";
import { dial, expectRemoteVideo, memberPage } from "./support/calls";

test.describe.configure({ timeout: 120_000 });

const PHONE = { width: 390, height: 844 };

test("on a phone-sized screen the call fits; when one side drops, the other is told and the call ends", async ({ browser, request }) => {
  const a = await registerMember(request, { displayName: "Desk Dora" });
  const b = await registerMember(request, { displayName: "Phone Phil" });
  const pa = await memberPage(browser, a);
  const pb = await memberPage(browser, b, "/", PHONE);

  await dial(pa, b.number);
  const ring = pb.getByTestId("incoming-call");
  await expect(ring).toBeVisible();
  // The ringing dialog fits the phone's screen with both buttons in reach.
  for (const name of ["Accept", "Decline"]) await expect(ring.getByRole("button", { name })).toBeInViewport({ ratio: 1 });
  await ring.getByRole("button", { name: "Accept" }).click();
  await expect(pb.getByTestId("call-screen")).toHaveAttribute("data-status", "connected");
  await expectRemoteVideo(pb);

  // Nothing sticks out sideways; the other's video, one's own picture and every control are on screen.
  expect(await pb.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  for (const id of ["remote-video", "local-video", "toggle-mic", "toggle-camera", "hang-up"]) {
    await expect(pb.getByTestId(id)).toBeInViewport({ ratio: 1 });
  }

  // The phone's tab crashes, so it never says goodbye: the desk is told the connection dropped, and once
  // LiveKit gives up on it the call ends there too.
  const cdp = await pb.context().newCDPSession(pb);
  void cdp.send("Page.crash").catch(() => undefined);
  await expect(pa.getByTestId("call-notice")).toContainText(/Phone Phil's connection (was lost|dropped)/, { timeout: 30_000 });
  await expect(pa.getByTestId("call-ended")).toHaveAttribute("data-outcome", "completed", { timeout: 60_000 });
  await pa.context().close();
  await pb.context().close();
});
