/**
 * Answers the fake's consent page the way a person would in a browser: loads the page the
 * authorize URL shows, then submits its form. Returns where Google sends the browser back
 * (the redirect_uri with `code`, `state` and `scope`, or `error=access_denied`).
 */
export async function approveConsent(
  authorizeUrl: string,
  choice: { email: string; name?: string; grant?: string[] },
): Promise<string> {
  return answerConsent(authorizeUrl, "allow", choice);
}

export async function cancelConsent(authorizeUrl: string): Promise<string> {
  return answerConsent(authorizeUrl, "cancel", { email: "" });
}

async function answerConsent(
  authorizeUrl: string,
  decision: "allow" | "cancel",
  choice: { email: string; name?: string; grant?: string[] },
): Promise<string> {
  const page = await fetch(authorizeUrl, { redirect: "manual" });
  const html = await page.text();
  if (page.status !== 200) throw new Error(`The consent page answered ${page.status}: ${html}`);
  const requestId = /name="request" value="([^"]+)"/.exec(html)?.[1];
  if (!requestId) throw new Error("The consent page has no form.");
  const offered = [...html.matchAll(/name="scope" value="([^"]+)"/g)].map((match) => unescapeHtml(match[1] ?? ""));
  const form = new URLSearchParams({ request: unescapeHtml(requestId), decision, email: choice.email });
  if (choice.name) form.set("name", choice.name);
  // Without a `grant` list every offered checkbox stays ticked, as the page shows them.
  for (const scope of choice.grant ? offered.filter((scope) => choice.grant?.includes(scope)) : offered) {
    form.append("scope", scope);
  }
  const answer = await fetch(new URL("/o/oauth2/v2/auth/decision", authorizeUrl), {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  const location = answer.headers.get("location");
  await answer.body?.cancel();
  if (answer.status !== 302 || !location) throw new Error(`The consent form answered ${answer.status}.`);
  return location;
}

function unescapeHtml(text: string): string {
  return text.replace(/&#(\d+);/g, (_match, code: string) => String.fromCharCode(Number(code)));
}
