// @vitest-environment jsdom
import { configure, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { apiFor } from "../../testing/api-for.ts";
import { renderApp } from "../../testing/render-app.tsx";
import { signUp } from "../../testing/sign-up.ts";

// Every step waits on the real server, which shares the machine with the other test files.
configure({ asyncUtilTimeout: 10_000 });

describe("notification settings", () => {
  it("saves the lead time and email reminders, and shows the server's range message", async () => {
    const person = await signUp();
    const before = await apiFor(person).notifier.settings.get.query();
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/settings" });

    expect(await screen.findByRole("heading", { name: "Notifications" })).toBeDefined();
    const lead = await screen.findByLabelText("Reminder lead time (minutes)");
    const email = screen.getByLabelText("Email reminders") as HTMLInputElement;
    expect((lead as HTMLInputElement).value).toBe(String(before.leadMinutes));
    expect(email.checked).toBe(before.email);

    await user.clear(lead);
    await user.type(lead, "500");
    await user.click(screen.getByRole("button", { name: "Save notification settings" }));
    await waitFor(() => expect(lead.getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getByText("Choose 0 to 120 minutes")).toBeDefined();

    await user.clear(lead);
    await user.type(lead, "25");
    await user.click(email);
    await user.click(screen.getByRole("button", { name: "Save notification settings" }));
    expect(await screen.findByText("Notification settings saved")).toBeDefined();
    expect(lead.getAttribute("aria-invalid")).toBeNull();

    expect(await apiFor(person).notifier.settings.get.query()).toEqual({
      leadMinutes: 25,
      email: !before.email,
      inApp: before.inApp,
    });
  });
});
