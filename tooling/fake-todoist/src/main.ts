/**
 * `pnpm fake:todoist`: the fake Todoist for trying AgendaCraft's Todoist integration without
 * Todoist. Starts on FAKE_TODOIST_PORT or PORT (default 4020) with a demo account, and prints
 * a personal API token to paste and the variables to start the server with.
 */
import { seedDemoAccount } from "./seed-demo.ts";
import { startFakeTodoist } from "./start-fake-todoist.ts";

const port = Number(process.env.FAKE_TODOIST_PORT ?? process.env.PORT ?? 4020);
const clientId = process.env.FAKE_TODOIST_CLIENT_ID ?? "agendacraft-local";
const clientSecret = process.env.FAKE_TODOIST_CLIENT_SECRET ?? "fake-todoist-secret";
const email = process.env.FAKE_TODOIST_EMAIL ?? "ada@example.com";
// Todoist sends the browser back to the redirect URL registered with the app (the server's callback).
const redirectUri = process.env.FAKE_TODOIST_REDIRECT_URI ?? "http://localhost:3000/api/integrations/todoist/callback";

const fake = await startFakeTodoist({
  clientId,
  clientSecret,
  redirectUri,
  port,
  defaultAccount: { email, fullName: "Ada Lovelace" },
});
const seeded = seedDemoAccount(fake, email);
const generate = Number(process.env.FAKE_TODOIST_GENERATE ?? 0);
if (generate > 0) fake.generate(email, { projects: 3, tasks: generate, recurring: Math.min(10, generate) });
const token = fake.issueToken(email);

console.log(`Fake Todoist listening on ${fake.url}
Demo account: ${email} (${Object.keys(seeded.projects).length} projects, ${fake.tasks(email).length} open tasks)

Personal API token to paste in Settings -> Connections -> Todoist:
  ${token}

Start AgendaCraft with:
  TODOIST_BASE_URL=${fake.url} pnpm start
or, for "Connect with Todoist" (OAuth; the app's redirect URL: ${redirectUri}, FAKE_TODOIST_REDIRECT_URI changes it):
  TODOIST_CLIENT_ID=${clientId} TODOIST_CLIENT_SECRET=${clientSecret} TODOIST_BASE_URL=${fake.url} pnpm start

Press Ctrl+C to stop.`);

const stop = async () => {
  await fake.close();
  process.exit(0);
};
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());
