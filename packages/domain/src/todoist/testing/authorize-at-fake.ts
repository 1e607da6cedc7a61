/**
 * Follows a Todoist consent URL to the fake, which approves at once (fake.setAutoApprove), and
 * answers the callback's query as Todoist sends it: `code` and `state`, or `error`.
 */
export async function authorizeAtFake(url: string): Promise<{ code?: string; state?: string; error?: string }> {
  const answer = await fetch(url, { redirect: "manual" });
  await answer.body?.cancel();
  const location = answer.headers.get("location");
  if (answer.status !== 302 || !location) throw new Error(`The fake's consent answered ${answer.status}`);
  const params = new URL(location).searchParams;
  const read = (name: string) => params.get(name) ?? undefined;
  return Object.fromEntries(
    Object.entries({ code: read("code"), state: read("state"), error: read("error") }).filter(([, v]) => v),
  );
}
