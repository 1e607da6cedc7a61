// @vitest-environment jsdom
import { cleanup, configure, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { apiFor } from "../../testing/api-for.ts";
import { renderApp } from "../../testing/render-app.tsx";
import { renderWithProviders } from "../../testing/render-with-providers.tsx";
import { signUp } from "../../testing/sign-up.ts";
import { SetPasswordForm } from "./set-password-form.tsx";

// Every step waits on the real server, which shares the machine with the other test files.
configure({ asyncUtilTimeout: 10_000 });
afterEach(cleanup);

/** The message shown under a field (its aria-describedby target that is the error). */
function fieldError(input: HTMLElement): string | null {
  if (input.getAttribute("aria-invalid") !== "true") return null;
  const errorId = input
    .getAttribute("aria-describedby")
    ?.split(" ")
    .find((id) => id.endsWith("-error"));
  return errorId ? (document.getElementById(errorId)?.textContent ?? null) : null;
}

// A password-less account (made with Google) is covered through the API in packages/domain and
// packages/api; here: what the forms send and how they show the server's answers.
describe("Set a password and Delete account in Settings", () => {
  it("a password account changes its password (no 'Set a password') and deletes itself with it", async () => {
    const person = await signUp();
    const user = userEvent.setup();
    const { router } = renderApp({ cookie: person.cookie, path: "/settings" });

    expect(await screen.findByRole("button", { name: "Change password" })).toBeDefined();
    expect(screen.queryByRole("button", { name: "Set a password" })).toBeNull();
    expect(await screen.findByRole("heading", { level: 2, name: "Delete account" })).toBeDefined();

    const password = screen.getByLabelText("Your password");
    await user.click(screen.getByRole("button", { name: "Delete my account" }));
    await waitFor(() => expect(fieldError(password)).toBe("Enter your password"));
    await user.type(password, "not-my-password");
    await user.click(screen.getByRole("button", { name: "Delete my account" }));
    await waitFor(() => expect(fieldError(password)).toBe("That password is not correct."));
    await expect(apiFor(person).iam.me.query()).resolves.toMatchObject({ email: person.email });

    await user.clear(password);
    await user.type(password, person.password);
    await user.click(screen.getByRole("button", { name: "Delete my account" }));
    expect(await screen.findByRole("heading", { name: "Sign in to AgendaCraft" })).toBeDefined();
    expect(router.state.location.pathname).toBe("/sign-in");
    await expect(apiFor(person).iam.me.query()).rejects.toThrow();
  });

  it("the Set a password form checks the length, then shows the server's refusal above the button", async () => {
    const person = await signUp();
    const user = userEvent.setup();
    renderWithProviders(<SetPasswordForm />, { cookie: person.cookie });

    const password = await screen.findByLabelText("New password");
    await user.type(password, "short");
    await user.click(screen.getByRole("button", { name: "Set a password" }));
    await waitFor(() => expect(fieldError(password)).toBe("Use at least 10 characters"));

    await user.clear(password);
    await user.type(password, "a-brand-new-password");
    await user.click(screen.getByRole("button", { name: "Set a password" }));
    // This account has a password already: the server says what to do instead.
    expect(
      await screen.findByText("This account already has a password. Change it with your current password instead."),
    ).toBeDefined();
  });
});
