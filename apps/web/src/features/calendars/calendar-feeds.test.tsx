// @vitest-environment jsdom
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderApp } from "../../testing/render-app.tsx";
import { signUp } from "../../testing/sign-up.ts";
import { shiftWeek, toLocalDate, weekContaining } from "../week/week-range.ts";

const ZONE = "Europe/Berlin";
const nextWeek = () => shiftWeek(weekContaining(new Date(), ZONE), 1, ZONE);
/** Tuesday 11:00 next week in Berlin, always in the future and on the shown grid. */
const meetingStart = () => DateTime.fromJSDate(nextWeek().from, { zone: ZONE }).plus({ days: 1 }).set({ hour: 11 });

/** A calendar's secret iCal address, served the way Google serves it. */
let feedServer: Server;
let feedUrl: string;

function icsTimestamp(time: DateTime): string {
  return time.toUTC().toFormat("yyyyLLdd'T'HHmmss'Z'");
}

beforeAll(async () => {
  feedServer = createServer((request, response) => {
    if (request.url !== "/calendar/ical/secret/basic.ics") {
      response.writeHead(404).end("Not found");
      return;
    }
    const start = meetingStart();
    response.writeHead(200, { "content-type": "text/calendar; charset=UTF-8" });
    response.end(
      [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
        "BEGIN:VEVENT",
        "UID:board-meeting@google.com",
        `DTSTAMP:${icsTimestamp(DateTime.utc())}`,
        `DTSTART:${icsTimestamp(start)}`,
        `DTEND:${icsTimestamp(start.plus({ hours: 1 }))}`,
        "SUMMARY:Board meeting",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
      ].join("\r\n"),
    );
  });
  await new Promise<void>((resolve) => feedServer.listen(0, "127.0.0.1", resolve));
  feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/calendar/ical/secret/basic.ics`;
});
afterAll(async () => {
  await new Promise((resolve) => feedServer.close(resolve));
});

describe("calendars that supply busy time", () => {
  it("adds a calendar by its secret address and shows its events as busy on the week", async () => {
    const person = await signUp({ timeZone: ZONE });
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/settings" });

    await user.type(await screen.findByLabelText("Calendar name"), "Work calendar");
    await user.type(screen.getByLabelText("Secret iCal address"), feedUrl);
    await user.click(screen.getByRole("button", { name: "Add calendar" }));

    expect(await screen.findByText("Added “Work calendar” with 1 busy time.")).toBeDefined();
    // It joins the one list of connections, beside any Google accounts.
    const list = await screen.findByRole("list", { name: "Connections" });
    const row = await within(list).findByText("Work calendar");
    expect(row.closest("li")?.textContent).toMatch(/iCal address\s*Connected/);
    // The secret address is never shown whole.
    expect(document.body.textContent).not.toContain("/secret/");
    cleanup();

    const { container } = renderApp({
      cookie: person.cookie,
      path: `/week?week=${toLocalDate(nextWeek().from, ZONE)}`,
    });
    await waitFor(
      () => {
        const busy = [...container.querySelectorAll<HTMLElement>(".fc-event.busy-event")];
        expect(busy.map((element) => element.textContent)).toEqual([expect.stringContaining("Board meeting")]);
      },
      { timeout: 10_000 },
    );
  });

  it("says at the address field when the calendar cannot be downloaded, and saves nothing", async () => {
    const person = await signUp({ timeZone: ZONE });
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/settings" });

    await user.type(await screen.findByLabelText("Calendar name"), "Typo");
    await user.type(screen.getByLabelText("Secret iCal address"), feedUrl.replace("basic.ics", "missing.ics"));
    await user.click(screen.getByRole("button", { name: "Add calendar" }));

    const address = screen.getByLabelText("Secret iCal address");
    await waitFor(() => expect(address.getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getByText(/could not download/i)).toBeDefined();
    expect(await screen.findByText("No calendars connected yet")).toBeDefined();
  });
});
