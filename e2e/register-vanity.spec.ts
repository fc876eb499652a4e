import { expect, test } from "@playwright/test";
import { registerMember, signInContext } from "./support/auth";

function randomWord(): string {
  const letters = "BCDFGHJKLMNPRSTVWXYZ";
  return Array.from({ length: 5 }, () => letters[Math.floor(Math.random() * letters.length)]).join("");
}

/** The keypad digits of a shown number ("2222 222 PIZZA" → "2222 2227 4992"). */
const keypadDigits = (shown: string) =>
  shown
    .replace(/\s/g, "")
    .replace(/[A-Z]/g, (ch) => "22233344455566677778889999"[ch.charCodeAt(0) - 65]!)
    .replace(/^(\d{4})(\d{4})(\d{4})$/, "$1 $2 $3");

test("a vanity word stays with the number: shown on every page, signed in with, dialled, and its addresses lead to the member", async ({
  page,
  browser,
  request,
}) => {
  const word = randomWord();
  const id = Math.random().toString(36).slice(2, 8);
  const handle = `e2e-${id}`;
  const password = "a long enough password";

  await page.goto("/register");
  await page.getByRole("radio", { name: /Choose a vanity number/ }).check();
  await page.getByLabel("Word or digits").fill(word.toLowerCase());
  await expect(page.getByTestId("requested-status")).toHaveText(/Free/);
  // The word whole, after the digits in fours; its keypad digits for screen readers (and on hover).
  // As toHaveText reads it: the text content, spaces collapsed (innerText breaks the line before the hidden part).
  const requested = ((await page.getByTestId("requested-number").textContent()) ?? "").replace(/\s+/g, " ").trim();
  const shown = requested.split(",")[0]!.trim();
  expect(shown).toMatch(new RegExp(`^\\d{4} \\d{3} ${word}$`));
  const digits = keypadDigits(shown);
  expect(requested).toContain(`keypad digits ${digits}`);
  await expect(page.getByTestId("requested-number").getByTestId("number-display")).toHaveAttribute("title", digits);

  await page.getByRole("button", { name: "Hold this number" }).click();
  const card = page.getByTestId("hold-card");
  await expect(card).toBeVisible();
  await expect(page.getByTestId("held-number")).toHaveText(requested);
  await expect(page.getByTestId("hold-countdown")).toHaveText(/^(10:00|9:[0-5]\d)$/);
  // The countdown really counts.
  const t0 = await page.getByTestId("hold-countdown").innerText();
  await expect(page.getByTestId("hold-countdown")).not.toHaveText(t0, { timeout: 3000 });
  // A reload keeps the hold with its word (the spelling is kept by the server, not the page).
  await page.reload();
  await expect(page.getByTestId("held-number")).toHaveText(requested);

  await page.getByLabel("Display name", { exact: true }).fill("Vanity Tester");
  await page.getByLabel("Handle", { exact: true }).fill(handle);
  await page.getByLabel("Email", { exact: true }).fill(`${handle}@example.test`);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Date of birth", { exact: true }).fill("1991-03-04");
  await page.getByLabel("City", { exact: true }).fill("Lisbon");
  await page.getByLabel("Interests", { exact: true }).fill("jazz, chess");
  await page.getByRole("button", { name: "Register with this number" }).click();

  // Assigned: the welcome page, the profile and the header show the word; the address to share spells it.
  await expect(page).toHaveURL(new RegExp(`/${handle}\\?welcome=1$`));
  await expect(page.getByTestId("welcome")).toContainText(`/${shown.replace(/ /g, "")}`);
  await expect(page.getByTestId("member-number")).toHaveText(requested);
  await expect(page.getByTestId("header-member")).toContainText(shown);

  // The directory shows it.
  await page.goto(`/directory?name=${encodeURIComponent("Vanity Tester")}&sort=name`);
  await expect(page.locator(`[data-testid="directory-row"][data-handle="${handle}"]`)).toContainText(shown);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign in" })).toBeVisible();

  // Signed in with the spelled number, in lower case.
  await page.goto("/signin");
  await page.getByLabel("Email or number").fill(shown.toLowerCase());
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("header-member")).toContainText("Vanity Tester");

  // /<digits>, /<spelled number> and /<WORD> all lead to the member's page.
  for (const address of [digits.replace(/ /g, ""), shown.replace(/ /g, ""), word, word.toLowerCase()]) {
    await page.goto(`/${address}`);
    await expect(page, address).toHaveURL(new RegExp(`/${handle}$`));
  }
  await expect(page.getByTestId("member-name")).toHaveText("Vanity Tester");

  // Another member dials the word alone: the call names the member with the word, and so does their history.
  const caller = await registerMember(request);
  const ctx = await browser.newContext();
  await signInContext(ctx, caller.email, caller.password);
  const pc = await ctx.newPage();
  await pc.goto(`/call?to=${word.toLowerCase()}`);
  await expect(pc.getByTestId("dial-input")).toHaveValue(word.toLowerCase());
  await expect(pc.locator("#dial-help")).toHaveText(`Calls the number that shows ${word}`);
  await pc.getByTestId("dial-call").click();
  await pc.waitForURL(/\/call\/[a-z0-9]+$/);
  await expect(pc.getByText(shown).first()).toBeVisible();
  await pc.goto("/calls");
  await expect(pc.getByText("Vanity Tester").first()).toBeVisible();
  await expect(pc.getByText(shown).first()).toBeVisible();
  await ctx.close();
});

test("a word two numbers show: the dial pad and /<WORD> list both; once one owner shows digits only, the word leads to the other", async ({
  browser,
  request,
}) => {
  const word = randomWord();
  const check = (await (await request.get(`/api/numbers/check?q=${word}&position=end`)).json()) as {
    suggestions: { digits: string; spelled: string }[];
  };
  const owners = [];
  for (const [i, pick] of check.suggestions.slice(0, 2).entries()) {
    // Each owner's browser holds its number with the word, then registers it.
    const ctx = await browser.newContext();
    const xff = { "x-forwarded-for": `10.78.${i}.${Math.floor(Math.random() * 250)}` };
    const held = await ctx.request.post("/api/numbers/hold", { data: { number: pick.digits, spelled: pick.spelled }, headers: xff });
    expect(held.status()).toBe(201);
    owners.push({ ...(await registerMember(ctx.request, { displayName: `Word Owner ${i + 1}`, number: pick.digits })), ctx });
  }

  const caller = await registerMember(request);
  const ctx = await browser.newContext();
  await signInContext(ctx, caller.email, caller.password);
  const pc = await ctx.newPage();
  await pc.goto("/call");
  await pc.getByTestId("dial-input").fill(word);
  await pc.getByTestId("dial-call").click();
  await expect(pc.locator("#dial-error")).toHaveText(`2 numbers show the word ${word}: choose one.`);
  const matches = pc.getByTestId("dial-matches").getByRole("listitem");
  await expect(matches).toHaveCount(2);
  for (const name of ["Word Owner 1", "Word Owner 2"]) await expect(matches.filter({ hasText: name })).toHaveCount(1);
  await expect(pc.getByRole("button", { name: "Call Word Owner 2" })).toBeVisible();

  await pc.goto(`/${word}`);
  await expect(pc.getByTestId("word-matches")).toContainText(`2 numbers show ${word}`);
  for (const name of ["Word Owner 1", "Word Owner 2"])
    await expect(pc.getByTestId("word-matches").getByRole("link", { name })).toBeVisible();

  // The first owner shows digits only, from their own page.
  await signInContext(owners[0]!.ctx, owners[0]!.email, owners[0]!.password);
  const po = await owners[0]!.ctx.newPage();
  await po.goto(`/${owners[0]!.handle}`);
  await po.getByText("Show a word in your number").click();
  await expect(po.getByTestId("number-spelling-input")).toHaveValue(word);
  await po.getByTestId("number-spelling-input").fill("z".repeat(13));
  await expect(po.getByTestId("number-spelling")).toContainText("which is not in");
  await po.getByTestId("number-spelling-input").fill("");
  await po.getByRole("button", { name: "Save" }).click();
  await expect(po.getByTestId("member-number")).toHaveText(/^\d{4} \d{4} \d{4}$/);

  await pc.goto(`/${word.toLowerCase()}`);
  await expect(pc).toHaveURL(new RegExp(`/${owners[1]!.handle}$`));
  for (const o of owners) await o.ctx.close();
  await ctx.close();
});

test("a taken word shows why and offers free numbers that keep it; a hold keeps others off", async ({ browser }) => {
  const word = randomWord();
  const a = await browser.newContext();
  const b = await browser.newContext();
  const pa = await a.newPage();
  const pb = await b.newPage();

  await pa.goto("/register");
  await pa.getByRole("radio", { name: /Choose a vanity number/ }).check();
  await pa.getByLabel("Word or digits").fill(word);
  await expect(pa.getByTestId("requested-status")).toHaveText(/Free/);
  await pa.getByRole("button", { name: "Hold this number" }).click();
  await expect(pa.getByTestId("hold-card")).toBeVisible();

  await pb.goto("/register");
  await pb.getByRole("radio", { name: /Choose a vanity number/ }).check();
  await pb.getByLabel("Word or digits").fill(word);
  await expect(pb.getByTestId("requested-status")).toHaveText(/Someone is registering this one/);
  const suggestions = pb.getByTestId("suggestions").getByRole("button");
  await expect(suggestions).toHaveCount(6);
  for (const s of await suggestions.allInnerTexts()) expect(s.replace(/\s/g, "")).toContain(word);
  await suggestions.first().click();
  await expect(pb.getByTestId("hold-card")).toBeVisible();

  // Reloading keeps the hold and its countdown.
  await pa.reload();
  await expect(pa.getByTestId("hold-card")).toBeVisible();
  await a.close();
  await b.close();
});

test("bad registration input is explained next to the field and nothing is lost", async ({ page }) => {
  await page.goto("/register");
  await page.getByLabel("Display name", { exact: true }).fill("Someone");
  await page.getByLabel("Handle", { exact: true }).fill("9bad handle");
  await page.getByLabel("Email", { exact: true }).fill("someone@example.test");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Date of birth", { exact: true }).fill("1990-01-01");
  await page.getByLabel("City", { exact: true }).fill("Oslo");
  await page.getByRole("button", { name: /Register/ }).click();
  await expect(page.getByText("A handle has only letters, digits and dashes", { exact: true })).toBeVisible();
  await expect(page.getByText("A password has at least 10 characters", { exact: true })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Please correct the" })).toBeVisible();
  await expect(page.getByLabel("Handle", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Display name", { exact: true })).toHaveValue("Someone");
  await expect(page.getByLabel("City", { exact: true })).toHaveValue("Oslo");
});
