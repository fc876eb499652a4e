import { expect, type Page } from "@playwright/test";

/** Records a message of about `seconds` on a member's page, as whoever `page` is. */
export async function record(page: Page, seconds: number, kind: "video" | "voice" = "video") {
  const recorder = page.getByTestId("recorder");
  await expect(recorder).toBeVisible();
  if (kind === "voice") await recorder.getByText("Voice only").click();
  await expect(page.getByTestId("record-start")).toBeEnabled();
  await page.getByTestId("record-start").click();
  await expect(page.getByTestId("record-countdown")).toContainText(/left/);
  await page.waitForTimeout(seconds * 1000);
  await page.getByTestId("record-stop").click();
  await expect(page.getByTestId("review-player")).toBeVisible();
}
