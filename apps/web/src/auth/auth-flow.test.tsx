// @vitest-environment jsdom
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderApp } from "../testing/render-app.tsx";
import { signUp } from "../testing/sign-up.ts";
import { PRODUCT_PITCH } from "./auth-card.tsx";

describe("signing in and out", () => {
  it("sends a signed-out visitor to sign in, remembering the page they wanted", async () => {
    const { router } = renderApp({ path: "/week" });

    expect(await screen.findByRole("heading", { name: "Sign in to AgendaCraft" })).toBeDefined();
    expect(router.state.location.pathname).toBe("/sign-in");
    expect(router.state.location.search).toBe("?next=%2Fweek");
    expect(screen.queryByText(/session has ended/i)).toBeNull();
  });

  it("says what AgendaCraft does on the sign-in and sign-up pages", async () => {
    for (const [path, heading] of [
      ["/sign-in", "Sign in to AgendaCraft"],
      ["/sign-up", "Create your AgendaCraft account"],
    ] as const) {
      renderApp({ path });
      await screen.findByRole("heading", { name: heading });
      expect(screen.getByText(/plans your week for you/).textContent).toBe(PRODUCT_PITCH);
      cleanup();
    }
  });

  it("checks the sign-up fields with the server's own rules before sending anything", async () => {
    const user = userEvent.setup();
    const sent: string[] = [];
    renderApp({
      path: "/sign-up",
      fetch: (input, init) => {
        sent.push(String(input instanceof Request ? input.url : input));
        return fetch(input, init);
      },
    });

    await user.type(await screen.findByLabelText("Name"), "Grace");
    await user.type(screen.getByLabelText("Email"), "not-an-email");
    await user.type(screen.getByLabelText("Password"), "short");
    await user.click(screen.getByRole("button", { name: "Create account" }));

    const email = screen.getByLabelText("Email");
    await waitFor(() => expect(email.getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getByText("Enter a valid email address")).toBeDefined();
    expect(screen.getByLabelText("Password").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Use at least 10 characters")).toBeDefined();
    expect(screen.getByLabelText("Name").getAttribute("aria-invalid")).toBeNull();
    // Focus goes to the first field that needs fixing.
    await waitFor(() => expect(document.activeElement).toBe(email));
    expect(sent.filter((url) => url.includes("/sign-up"))).toEqual([]);
    expect(document.body.textContent).not.toMatch(/\{|stack/);
  });

  it("shows the server's refusal of a taken email above the button", async () => {
    const person = await signUp();
    const user = userEvent.setup();
    renderApp({ path: "/sign-up" });

    await user.type(await screen.findByLabelText("Name"), "Twin");
    await user.type(screen.getByLabelText("Email"), person.email);
    await user.type(screen.getByLabelText("Password"), "correct horse battery");
    await user.click(screen.getByRole("button", { name: "Create account" }));

    expect((await screen.findByRole("alert")).textContent).toBe(
      "An account with this email already exists. Sign in instead.",
    );
  });

  it("says a wrong password does not match, without saying which part was wrong", async () => {
    const person = await signUp();
    const user = userEvent.setup();
    renderApp({ path: "/sign-in" });

    await user.type(await screen.findByLabelText("Email"), person.email);
    await user.type(screen.getByLabelText("Password"), "wrong-password-123");
    await user.click(screen.getByRole("button", { name: "Sign in" }));

    expect((await screen.findByRole("alert")).textContent).toBe("That email and password do not match an account.");
  });

  it("returns to sign in with a message when the session ends while the app is open", async () => {
    const person = await signUp({ name: "Expiring Ed" });
    const { router, trpcClient, queryClient } = renderApp({ cookie: person.cookie, path: "/settings" });
    expect(await screen.findByText("Expiring Ed")).toBeDefined();

    // The session is revoked elsewhere (another device signs out everywhere).
    await trpcClient.iam.signOutEverywhere.mutate();
    // The next refetch (window focus, navigation) is refused.
    await queryClient.invalidateQueries();

    expect(await screen.findByText(/your session has ended/i)).toBeDefined();
    expect(router.state.location.pathname).toBe("/sign-in");
  });

  it("shows a retry banner when the server cannot be reached, and clears it on retry", async () => {
    const person = await signUp();
    let online = false;
    const flakyFetch: typeof fetch = (input, init) =>
      online ? fetch(input, init) : Promise.reject(new TypeError("Failed to fetch"));
    renderApp({ cookie: person.cookie, path: "/inbox", fetch: flakyFetch });

    const alert = await screen.findByRole("alert", {}, { timeout: 10_000 });
    expect(alert.textContent).toMatch(/cannot reach the server/i);

    online = true;
    await userEvent.setup().click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(screen.queryByText(/cannot reach the server/i)).toBeNull());
  });
});
