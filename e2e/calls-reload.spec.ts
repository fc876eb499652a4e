import { expect, test } from "@playwright/test";
import { registerMember } from "./support/auth";
import { memberPage } from "./support/calls";

test.describe.configure({ timeout: 120_000 });

test("a call placed while the callee's page reloads rings, and the page that comes back shows it", async ({ browser, request }) => {
  const a = await registerMember(request, { displayName: "Caller Cleo" });
  const b = await registerMember(request, { displayName: "Callee Cal" });
  const pa = await memberPage(browser, a, "/call");
  const pb = await memberPage(browser, b, "/directory");
  await pa.getByTestId("dial-input").fill(b.number);

  // Ben's page reloads; its new presence connection waits until the call has been placed (the
  // moment between the old connection closing and the new one opening, held open on purpose).
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  await pb.route("**/api/presence/ticket", async (route) => {
    await held;
    await route.continue();
  });
  await pb.reload();
  await expect
    .poll(async () => ((await (await pb.request.get("/api/presence/status")).json()) as { status: string }).status, { timeout: 10_000 })
    .toBe("offline");

  await pa.getByTestId("dial-call").click();
  await pa.waitForURL(/\/call\/[a-z0-9]+$/);
  await expect(pa.getByTestId("call-phase")).toHaveText("Ringing…");

  release();
  const ring = pb.getByTestId("incoming-call");
  await expect(ring).toBeVisible();
  await expect(ring).toContainText("Caller Cleo");
  await ring.getByRole("button", { name: "Accept" }).click();
  await pb.waitForURL(/\/call\//);
  await expect(pa.getByTestId("call-screen")).toHaveAttribute("data-status", "connected");
  await pa.getByTestId("hang-up").click();
  await expect(pa.getByTestId("call-ended")).toHaveAttribute("data-outcome", "completed");
  await pa.context().close();
  await pb.context().close();
});
