// @vitest-environment jsdom
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { FAKE_GOOGLE_CLIENT, fakeGooglePort, googleApiUrl, googleServerEnv } from "../../testing/google-test-server.ts";
import { renderApp } from "../../testing/render-app.tsx";
import { signUp } from "../../testing/sign-up.ts";

afterEach(cleanup);

describe("Link Google in Settings", () => {
  it("is not offered when the server has no Google client", async () => {
    const person = await signUp({ name: "No Google" });
    const { queryClient } = renderApp({ cookie: person.cookie, path: "/settings" });
    expect(await screen.findByRole("heading", { name: "Password" })).toBeDefined();
    await waitFor(() => {
      const [query] = queryClient
        .getQueryCache()
        .findAll({ predicate: (candidate) => JSON.stringify(candidate.queryKey).includes("authProviders") });
      expect(query?.state.status).toBe("success");
    });
    expect(screen.queryByRole("heading", { name: "Sign in with Google" })).toBeNull();
  });

  it("offers a password account to link Google, asking Google's consent page at GOOGLE_BASE_URL", async () => {
    const url = googleApiUrl();
    const person = await signUp({ url });
    const answers: { url?: string }[] = [];
    const recordingFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (String(input instanceof Request ? input.url : input).includes("/api/auth/link-social")) {
        answers.push(await response.clone().json());
      }
      return response;
    };
    renderApp({ url, cookie: person.cookie, path: "/settings", fetch: recordingFetch });

    // The section shows once the server said it has Google, its button once the person's sign-in methods are known.
    await screen.findByRole("heading", { name: "Sign in with Google" });
    await userEvent.setup().click(await screen.findByRole("button", { name: "Link Google" }));

    await waitFor(() => expect(answers).toHaveLength(1));
    const consent = new URL(answers[0]?.url ?? "");
    const google = googleServerEnv(fakeGooglePort());
    expect(consent.origin + consent.pathname).toBe(`${google.GOOGLE_BASE_URL}/o/oauth2/v2/auth`);
    expect(consent.searchParams.get("client_id")).toBe(FAKE_GOOGLE_CLIENT.clientId);
  });

  it("says in words why linking did not work when Google sends the person back with an error", async () => {
    const url = googleApiUrl();
    const person = await signUp({ url });
    renderApp({ url, cookie: person.cookie, path: "/settings?link=google&error=email_does_not_match" });

    expect((await screen.findByRole("alert")).textContent).toBe(
      "That Google account has another email address than this account. Choose the Google account with the same email.",
    );
    expect(await screen.findByRole("button", { name: "Link Google" })).toBeDefined();
  });
});
