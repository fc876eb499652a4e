import { expect, test } from "@playwright/test";

function randomWord(): string {
  const letters = "BCDFGHJKLMNPRSTVWXYZ";
  return Array.from({ length: 5 }, () => letters[Math.floor(Math.random() * letters.length)]).join("");
}

test("register with a vanity word, sign out, sign in with the number, open /<number>", async ({ page }) => {
  const word = randomWord();
  const id = Math.random().toString(36).slice(2, 8);
  const handle = `e2e-${id}`;
  const password = "a long enough password";

  await page.goto("/register");
  await page.getByRole("radio", { name: /Choose a vanity number/ }).check();
  await page.getByLabel("Word or digits").fill(word.toLowerCase());
  await expect(page.getByTestId("requested-status")).toHaveText(/Free/);
  const requested = (await page.getByTestId("requested-number").innerText()).trim();
  expect(requested.replace(/\s/g, "").endsWith(word)).toBe(true);

  await page.getByRole("button", { name: "Hold this number" }).click();
  const card = page.getByTestId("hold-card");
  await expect(card).toBeVisible();
  await expect(page.getByTestId("held-number")).toHaveText(requested);
  await expect(page.getByTestId("hold-countdown")).toHaveText(/^(10:00|9:[0-5]\d)$/);
  // The countdown really counts.
  const t0 = await page.getByTestId("hold-countdown").innerText();
  await expect(page.getByTestId("hold-countdown")).not.toHaveText(t0, { timeout: 3000 });

  await page.getByLabel("Display name", { exact: true }).fill("Vanity Tester");
  await page.getByLabel("Handle", { exact: true }).fill(handle);
  await page.getByLabel("Email", { exact: true }).fill(`${handle}@example.test`);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Date of birth", { exact: true }).fill("1991-03-04");
  await page.getByLabel("City", { exact: true }).fill("Lisbon");
  await page.getByLabel("Interests", { exact: true }).fill("jazz, chess");
  await page.getByRole("button", { name: "Register with this number" }).click();

  // Assigned: the welcome page shows the held number.
  await expect(page).toHaveURL(new RegExp(`/${handle}\\?welcome=1$`));
  await expect(page.getByTestId("welcome")).toBeVisible();
  const digits = requested.replace(/[A-Z]/g, (ch) => "22233344455566677778889999"[ch.charCodeAt(0) - 65]!);
  await expect(page.getByTestId("member-number")).toHaveText(digits);
  await expect(page.getByTestId("header-member")).toContainText("Vanity Tester");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.goto("/signin");
  await page.getByLabel("Email or number").fill(digits.replace(/ /g, "-"));
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("header-member")).toContainText("Vanity Tester");

  const res = await page.goto(`/${digits}`);
  expect(res?.url()).toMatch(new RegExp(`/${handle}$`));
  await expect(page.getByTestId("member-name")).toHaveText("Vanity Tester");
  await expect(page.getByTestId("member-number")).toHaveText(digits);
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
