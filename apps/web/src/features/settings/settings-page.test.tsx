// @vitest-environment jsdom
import { createAgendaCraftClient } from "@agendacraft/client";
import { configure, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { apiFor } from "../../testing/api-for.ts";
import { renderApp } from "../../testing/render-app.tsx";
import { signUp } from "../../testing/sign-up.ts";

// Every step waits on the real server, which shares the machine with the other test files.
configure({ asyncUtilTimeout: 10_000 });

/** The message shown under a field (its aria-describedby target that is the error, not the hint). */
function fieldError(input: HTMLElement): string | null {
  if (input.getAttribute("aria-invalid") !== "true") return null;
  const ids = input.getAttribute("aria-describedby")?.split(" ") ?? [];
  const errorId = ids.find((id) => id.endsWith("-error"));
  return errorId ? (document.getElementById(errorId)?.textContent ?? null) : null;
}

/** The hint under a field (its aria-describedby target that ends in -hint). */
function fieldHint(input: HTMLElement): string | null {
  const hintId = input
    .getAttribute("aria-describedby")
    ?.split(" ")
    .find((id) => id.endsWith("-hint"));
  return hintId ? (document.getElementById(hintId)?.textContent ?? null) : null;
}

describe("settings page", () => {
  it("has a titled section for each kind of setting", async () => {
    const person = await signUp();
    renderApp({ cookie: person.cookie, path: "/settings" });

    for (const title of ["Profile", "Password", "API tokens", "Notifications"]) {
      expect(await screen.findByRole("heading", { level: 2, name: title })).toBeDefined();
    }
  });

  it("saves a new name and time zone, and shows a field's error at the field", async () => {
    const person = await signUp({ name: "Ada Lovelace", timeZone: "Europe/Berlin" });
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/settings" });

    const name = await screen.findByLabelText("Name");
    const zone = screen.getByLabelText("Time zone") as HTMLSelectElement;
    expect(zone.value).toBe("Europe/Berlin");

    await user.clear(name);
    await user.click(screen.getByRole("button", { name: "Save profile" }));
    await waitFor(() => expect(fieldError(name)).toBe("Enter your name"));

    await user.type(name, "Ada King");
    await user.selectOptions(zone, "Asia/Tokyo");
    await user.click(screen.getByRole("button", { name: "Save profile" }));
    expect(await screen.findByText("Profile saved")).toBeDefined();
    expect(fieldError(name)).toBeNull();

    const me = await apiFor(person).iam.me.query();
    expect(me).toMatchObject({ name: "Ada King", timeZone: "Asia/Tokyo" });
    // The header shows the saved name without a reload.
    expect(within(screen.getByRole("banner")).getByText("Ada King")).toBeDefined();
  });

  it("says at the field when the current password is wrong, and changes it when right", async () => {
    const person = await signUp();
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/settings" });

    const current = await screen.findByLabelText("Current password");
    const next = screen.getByLabelText("New password");
    // What a change does and does not end, before the person commits to it.
    expect(fieldHint(next)).toContain("signs you out on every other device and browser");
    expect(fieldHint(next)).toContain("API tokens keep working");
    await user.type(current, "not-my-password");
    await user.type(next, "a-brand-new-password");
    await user.click(screen.getByRole("button", { name: "Change password" }));
    await waitFor(() => expect(fieldError(current)).toBe("That password is not correct."));
    expect(fieldError(next)).toBeNull();

    await user.clear(current);
    await user.type(current, person.password);
    await user.clear(next);
    await user.type(next, "short");
    await user.click(screen.getByRole("button", { name: "Change password" }));
    await waitFor(() => expect(fieldError(next)).toBe("Use at least 10 characters"));
    expect(fieldError(current)).toBeNull();

    await user.clear(next);
    await user.type(next, "a-brand-new-password");
    await user.click(screen.getByRole("button", { name: "Change password" }));
    expect(await screen.findByText(/^Password changed\./)).toBeDefined();
    expect((current as HTMLInputElement).value).toBe("");
    expect((next as HTMLInputElement).value).toBe("");
  });

  it("shows a new token's secret once, then lists the token and revokes it", async () => {
    const person = await signUp();
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/settings" });

    expect(await screen.findByText("No API tokens yet")).toBeDefined();
    await user.type(screen.getByLabelText("Token name"), "Backup script");
    await user.click(screen.getByRole("button", { name: "Create token" }));

    const box = await screen.findByRole("region", { name: "New token" });
    expect(within(box).getByText("Copy it now; it will not be shown again.")).toBeDefined();
    const secret = (within(box).getByLabelText("Token secret") as HTMLInputElement).value;
    expect(secret).toMatch(/^act_.{20,}/);
    await user.click(within(box).getByRole("button", { name: "Copy" }));
    expect(await navigator.clipboard.readText()).toBe(secret);

    // The secret works for the API, as a script would use it.
    const script = createAgendaCraftClient({ url: `${person.url}/trpc`, token: secret });
    expect((await script.iam.me.query()).email).toBe(person.email);

    await user.click(within(box).getByRole("button", { name: "Done" }));
    expect(screen.queryByRole("region", { name: "New token" })).toBeNull();
    expect(document.body.innerHTML).not.toContain(secret);

    const list = await screen.findByRole("list", { name: "API tokens" });
    expect(within(list).getByText("Backup script")).toBeDefined();
    await user.click(within(list).getByRole("button", { name: "Revoke Backup script" }));
    const confirm = screen.getByRole("dialog", { name: "Revoke token?" });
    await user.click(within(confirm).getByRole("button", { name: "Revoke" }));

    expect(await screen.findByText("No API tokens yet")).toBeDefined();
    expect((await apiFor(person).iam.tokens.list.query()).items).toEqual([]);
    await expect(script.iam.me.query()).rejects.toThrow();
  });

  it("signs out everywhere after a confirmation, this browser included", async () => {
    const person = await signUp();
    const user = userEvent.setup();
    const { router } = renderApp({ cookie: person.cookie, path: "/settings" });

    await user.click(await screen.findByRole("button", { name: "Sign out everywhere" }));
    const confirm = screen.getByRole("dialog", { name: "Sign out everywhere?" });
    await user.click(within(confirm).getByRole("button", { name: "Sign out everywhere" }));

    expect(await screen.findByRole("heading", { name: "Sign in to AgendaCraft" })).toBeDefined();
    expect(router.state.location.pathname).toBe("/sign-in");
    await expect(apiFor(person).iam.me.query()).rejects.toThrow();
  });
});
