import { expect, type Page, test } from "@playwright/test";
import { registerMember } from "./support/auth";
import { memberPage } from "./support/calls";
import { watchCsp } from "./support/csp";

/**
 * The pages run under a strict Content-Security-Policy (scripts only with the
 * request's nonce): they must still work, with no violation reported by the
 * browser, signed out and signed in, and they cannot be framed.
 */
async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

test("pages load and hydrate under the CSP with no violation", async ({ browser }) => {
  const ctx = await browser.newContext();
  await watchCsp(ctx);
  const page = await ctx.newPage();
  for (const path of ["/", "/directory", "/register", "/signin", "/mall"]) {
    const res = await page.goto(path);
    expect(res?.headers()["content-security-policy"]).toContain("'nonce-");
    await page.waitForLoadState("load");
    expect(await violations(page), path).toEqual([]);
  }
  // Hydrated: the client-side sign-in form reacts (it is rendered by React, not a plain form post).
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: /sign in/i })).toBeEnabled();
  await ctx.close();

  const who = await registerMember((await browser.newContext()).request);
  const member = await memberPage(browser, who, "/mailbox");
  await member.waitForLoadState("load");
  expect(await violations(member)).toEqual([]);
  await member.goto("/call");
  await member.waitForLoadState("load");
  expect(await violations(member)).toEqual([]);
  // The messages page and its thread (the message store is in every signed-in page's layout).
  await member.goto("/messages");
  await expect(member.getByTestId("messages-empty")).toBeVisible();
  expect(await violations(member)).toEqual([]);
  // A group's page, its room's preview (livekit-client) and the form that makes groups.
  const handle = `csp-${Math.random().toString(36).slice(2, 8)}`;
  expect((await member.request.post("/api/groups", { data: { name: "CSP Club", handle } })).status()).toBe(201);
  for (const path of ["/groups/new", `/${handle}`, `/${handle}/room`]) {
    await member.goto(path);
    await member.waitForLoadState("load");
    expect(await violations(member), path).toEqual([]);
  }
  await expect(member.getByTestId("room-preview")).toBeVisible();
  // The watcher does see violations: an image from another site is refused and recorded.
  await member.evaluate(() => {
    const img = document.createElement("img");
    img.src = "https://evil.example/pixel.png";
    document.body.append(img);
  });
  await expect.poll(() => violations(member)).toEqual([expect.stringContaining("img-src blocked https://evil.example/pixel.png")]);
});

test("a page cannot be framed by another site", async ({ page, baseURL }) => {
  // about:blank with our page in an iframe: frame-ancestors 'none' makes the browser refuse to render it.
  await page.setContent(`<iframe id="f" src="${baseURL}/directory" width="800" height="600"></iframe>`);
  const frame = await (await page.waitForSelector("#f")).contentFrame();
  await frame!.waitForLoadState("load");
  expect(frame!.url()).not.toBe(`${baseURL}/directory`);
  expect(await frame!.locator("#main").count()).toBe(0);
});
