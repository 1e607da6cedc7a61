/**
 * `pnpm fake:google`: the fake Google for trying AgendaCraft's Google integration without
 * Google. Starts on FAKE_GOOGLE_PORT or PORT (default 4010) with a demo account and a few
 * meetings this week, and prints the variables to start the server with.
 */
import { seedDemoMeetings } from "./seed-demo.ts";
import { startFakeGoogle } from "./start-fake-google.ts";

const port = Number(process.env.FAKE_GOOGLE_PORT ?? process.env.PORT ?? 4010);
const clientId = process.env.FAKE_GOOGLE_CLIENT_ID ?? "agendacraft-local.apps.googleusercontent.com";
const clientSecret = process.env.FAKE_GOOGLE_CLIENT_SECRET ?? "fake-google-secret";
const demo = { email: process.env.FAKE_GOOGLE_EMAIL ?? "ada@example.com", name: "Ada Lovelace" };

const fake = await startFakeGoogle({ clientId, clientSecret, port, defaultAccount: demo });
const meetings = seedDemoMeetings(fake, demo.email);

console.log(`Fake Google listening on ${fake.url}
Demo account: ${demo.email} (${meetings} meetings this week; any other email on the consent page becomes a new account)

Start AgendaCraft with:
  GOOGLE_CLIENT_ID=${clientId} GOOGLE_CLIENT_SECRET=${clientSecret} GOOGLE_BASE_URL=${fake.url} pnpm start

Press Ctrl+C to stop.`);

const stop = async () => {
  await fake.close();
  process.exit(0);
};
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());
