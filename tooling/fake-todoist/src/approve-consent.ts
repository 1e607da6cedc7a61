/**
 * Answers the fake's consent page as a person would in a browser: loads the page the
 * authorize URL shows, then submits its form. Returns where Todoist sends the browser back
 * (the redirect URL with `code` and `state`, or `error=access_denied`).
 */
export async function approveConsent(authorizeUrl: string, choice: { email?: string } = {}): Promise<string> {
  return answerConsent(authorizeUrl, "agree", choice.email);
}

export async function cancelConsent(authorizeUrl: string): Promise<string> {
  return answerConsent(authorizeUrl, "cancel", undefined);
}

async function answerConsent(authorizeUrl: string, decision: "agree" | "cancel", email: string | undefined) {
  const page = await fetch(authorizeUrl, { redirect: "manual" });
  if (page.status === 302) {
    await page.body?.cancel();
    return page.headers.get("location") ?? "";
  }
  const html = await page.text();
  if (page.status !== 200) throw new Error(`The consent page answered ${page.status}: ${html}`);
  const consent = /name="consent" value="([^"]+)"/.exec(html)?.[1];
  const shownEmail = /name="email" value="([^"]*)"/.exec(html)?.[1] ?? "";
  if (!consent) throw new Error("The consent page has no form.");
  const form = new URLSearchParams({ consent, decision, email: email ?? unescapeHtml(shownEmail) });
  const answer = await fetch(new URL("/oauth/authorize/decision", authorizeUrl), {
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
