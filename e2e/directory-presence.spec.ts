import { expect, test } from "@playwright/test";
import { registerMember, signInContext } from "./support/auth";

test("the directory shows a member come online and go offline live, without a reload", async ({ browser, request }) => {
  const pat = await registerMember(request);
  const watcher = await browser.newContext();
  const page = await watcher.newPage();
  await page.goto(`/directory?name=${encodeURIComponent(pat.displayName)}`);
  const status = page.getByTestId(`status-${pat.id}`);
  await expect(status).toHaveAttribute("data-status", "offline");

  // Pat signs in elsewhere, in two tabs.
  const patCtx = await browser.newContext();
  await signInContext(patCtx, pat.email, pat.password);
  const tab1 = await patCtx.newPage();
  await tab1.goto("/");
  await expect(status).toHaveAttribute("data-status", "online", { timeout: 5000 });
  const tab2 = await patCtx.newPage();
  await tab2.goto("/directory");

  // Closing one of two tabs changes nothing; closing the last shows offline within 2 seconds.
  await tab1.close();
  await page.waitForTimeout(1500);
  await expect(status).toHaveAttribute("data-status", "online");
  const closedAt = Date.now();
  await tab2.close();
  await expect(status).toHaveAttribute("data-status", "offline", { timeout: 2000 });
  expect(Date.now() - closedAt).toBeLessThan(2000);
  await patCtx.close();
  await watcher.close();
});

test("statuses set from the header menu reach watchers; invisible looks offline", async ({ browser, request }) => {
  const pat = await registerMember(request);
  const watcher = await browser.newContext();
  const wpage = await watcher.newPage();
  await wpage.goto(`/${pat.handle}`);
  const status = wpage.getByTestId(`status-${pat.id}`);

  const patCtx = await browser.newContext();
  await signInContext(patCtx, pat.email, pat.password);
  const ppage = await patCtx.newPage();
  await ppage.goto("/");
  await expect(status).toHaveAttribute("data-status", "online");

  for (const [label, expected] of [
    ["Away", "away"],
    ["Do not disturb", "dnd"],
    ["Invisible", "offline"],
    ["Online", "online"],
  ] as const) {
    await ppage.getByTestId("status-menu").click();
    await ppage.getByRole("menuitemradio", { name: new RegExp(`^${label}`) }).click();
    await expect(status).toHaveAttribute("data-status", expected);
  }
  await patCtx.close();
  await watcher.close();
});

test("the directory searches by name, number, vanity word, city and interest, and works without JavaScript", async ({
  browser,
  request,
}) => {
  const word = Array.from({ length: 6 }, () => "BCDFGHJKLMNPRSTVWXZ"[Math.floor(Math.random() * 19)]).join("");
  const digits = word.replace(/[A-Z]/g, (c) => "22233344455566677778889999"[c.charCodeAt(0) - 65]!);
  const pat = await registerMember(request, {
    displayName: "Zoë Quixote-Ångström",
    city: "Reykjavík",
    interests: ["glaciers"],
    number: `222222${digits}`,
  });
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  const find = async (query: string) => {
    await page.goto(`/directory?${query}`);
    return page.locator(`[data-testid="directory-row"][data-handle="${pat.handle}"]`);
  };
  await expect(await find("name=zoe")).toHaveCount(1);
  await expect(await find("name=ANGST")).toHaveCount(1);
  await expect(await find(`number=${digits.slice(1)}`)).toHaveCount(1);
  await expect(await find(`number=${word.toLowerCase()}`)).toHaveCount(1);
  await expect(await find(`number=2222-22${digits.slice(0, 2)}`)).toHaveCount(1);
  await expect(await find("city=reykjavik")).toHaveCount(1);
  await expect(await find("interest=glaciers")).toHaveCount(1);
  await expect(await find("name=oe")).toHaveCount(0);

  // The plain form works: type and submit without JavaScript.
  await page.goto("/directory");
  await page.getByLabel("Name", { exact: true }).fill("quixote-ang");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/name=quixote-ang/);
  await expect(page.locator(`[data-testid="directory-row"][data-handle="${pat.handle}"]`)).toHaveCount(1);
  await ctx.close();
});
