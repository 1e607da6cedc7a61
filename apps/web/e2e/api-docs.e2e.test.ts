import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "./browser.ts";

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe("the REST API's documentation page in a real browser", () => {
  it("shows every operation from this server alone, within its content security policy", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const appOrigin = new URL(inject("appUrl")).origin;
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    page.on("request", (request) => {
      if (new URL(request.url()).origin !== appOrigin) problems.push(`left the machine: ${request.url()}`);
    });

    await page.goto(`${inject("appUrl")}/api/docs`);
    await page.getByRole("heading", { name: /AgendaCraft API/ }).waitFor();
    await page.getByText("Create a task").first().click();
    // The request example from the document, pre-filled for "Try it out".
    await page.getByText('"summary": "New task"').first().waitFor();
    await page.screenshot({ path: join(inject("artifactsDir"), "api-docs.png") });

    expect(problems).toEqual([]);
    await page.close();
  });
});
