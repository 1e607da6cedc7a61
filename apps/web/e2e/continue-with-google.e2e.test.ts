import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "./browser.ts";
import { PASSWORD } from "./person-api.ts";

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** From the sign-in page to Google's (the fake's) consent page, answered as `email`. */
async function continueWithGoogleAs(page: Page, { email, name }: { email: string; name: string }) {
  await page.getByRole("heading", { name: "Sign in to AgendaCraft" }).waitFor();
  await page.getByRole("button", { name: "Continue with Google" }).click();
  await page.waitForURL((url) => url.origin === new URL(inject("fakeGoogleUrl")).origin);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Allow" }).click();
}

describe("Continue with Google in a real browser", () => {
  it("signs a new person up through Google's consent page and lands them in the inbox, Google linked", async () => {
    const page = await browser.newPage();
    const email = `chris-${randomUUID()}@example.com`;
    await page.goto(`${inject("appUrl")}/sign-in`);

    await continueWithGoogleAs(page, { email, name: "Chromium Chris" });

    await page.getByRole("heading", { name: "Inbox" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/inbox");
    await page.goto(`${inject("appUrl")}/settings`);
    await page.getByText("Google is linked: you can sign in with Google.").waitFor();
    expect(await page.getByRole("textbox", { name: "Name", exact: true }).inputValue()).toBe("Chromium Chris");
    await page.close();
  });

  it("refuses Google for an email with a password account and says how to link it", async () => {
    const page = await browser.newPage();
    const appUrl = inject("appUrl");
    const email = `pat-${randomUUID()}@example.com`;
    const signedUp = await page.request.post(`${appUrl}/api/auth/sign-up/email`, {
      headers: { origin: new URL(appUrl).origin },
      data: { name: "Pat Password", email, password: PASSWORD },
    });
    expect(signedUp.status()).toBe(200);
    await page.context().clearCookies();
    await page.goto(`${appUrl}/sign-in`);

    await continueWithGoogleAs(page, { email, name: "Pat at Google" });

    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      "An account with this email already exists. Sign in with your password, then link Google in Settings to use it next time.",
    );
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await page.close();
  });
});
