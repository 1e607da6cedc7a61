// @vitest-environment jsdom
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, inject, it } from "vitest";
import { fakeGooglePort, googleServerEnv } from "../testing/google-test-server.ts";
import { renderApp } from "../testing/render-app.tsx";

/** Waits until the page knows whether the server offers Google, so a missing button means "not offered". */
async function providersLoaded(queryClient: ReturnType<typeof renderApp>["queryClient"]) {
  await waitFor(() => {
    const [query] = queryClient
      .getQueryCache()
      .findAll({ predicate: (candidate) => JSON.stringify(candidate.queryKey).includes("authProviders") });
    expect(query?.state.status).toBe("success");
  });
}

afterEach(cleanup);

describe("Continue with Google, on a server without a Google client", () => {
  it("is not offered on the sign-in and sign-up pages", async () => {
    for (const [path, heading] of [
      ["/sign-in", "Sign in to AgendaCraft"],
      ["/sign-up", "Create your AgendaCraft account"],
    ] as const) {
      const { queryClient } = renderApp({ path });
      await screen.findByRole("heading", { name: heading });
      await providersLoaded(queryClient);
      expect(screen.queryByRole("button", { name: "Continue with Google" })).toBeNull();
      cleanup();
    }
  });

  it("explains, back on the sign-in page, that an account with that email exists and how to link Google", async () => {
    renderApp({ path: "/sign-in?error=account_not_linked" });
    expect((await screen.findByRole("alert")).textContent).toBe(
      "An account with this email already exists. Sign in with your password, then link Google in Settings to use it next time.",
    );
  });
});

describe("Continue with Google, on a server with a Google client", () => {
  const server = { url: inject("googleApiUrl") };

  it("is offered on the sign-in and sign-up pages", async () => {
    for (const [path, heading] of [
      ["/sign-in", "Sign in to AgendaCraft"],
      ["/sign-up", "Create your AgendaCraft account"],
    ] as const) {
      renderApp({ url: server.url, path });
      await screen.findByRole("heading", { name: heading });
      expect(await screen.findByRole("button", { name: "Continue with Google" })).toBeDefined();
      cleanup();
    }
  });

  it("asks the server for Google's consent page, at GOOGLE_BASE_URL, for sign-in scopes", async () => {
    const answers: { url: string; body: { url?: string } }[] = [];
    const recordingFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const url = String(input instanceof Request ? input.url : input);
      if (url.includes("/api/auth/sign-in/social")) answers.push({ url, body: await response.clone().json() });
      return response;
    };
    renderApp({ url: server.url, path: "/sign-in", fetch: recordingFetch });

    await userEvent.setup().click(await screen.findByRole("button", { name: "Continue with Google" }));

    await waitFor(() => expect(answers).toHaveLength(1));
    const consent = new URL(answers[0]?.body.url ?? "");
    const google = googleServerEnv(fakeGooglePort());
    expect(consent.origin + consent.pathname).toBe(`${google.GOOGLE_BASE_URL}/o/oauth2/v2/auth`);
    expect(consent.searchParams.get("client_id")).toBe(google.GOOGLE_CLIENT_ID);
    expect(consent.searchParams.get("redirect_uri")).toBe("http://localhost:3000/api/auth/callback/google");
    expect(consent.searchParams.get("scope")?.split(" ").sort()).toEqual(["email", "openid", "profile"]);
    expect(consent.searchParams.get("code_challenge_method")).toBe("S256");
  });
});
