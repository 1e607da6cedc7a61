import type { JobSender } from "@agendacraft/db/jobs";
import { approveConsent, type FakeGoogle } from "@agendacraft/fake-google";
import type { Clock } from "../../../shared/clock.ts";
import type { Db } from "../../../shared/db.ts";
import type { EventRecorder } from "../../../shared/events/event-recorder.ts";
import type { SecretKeyring } from "../../../shared/secrets/secret-keyring.ts";
import { completeGoogleConnect, type GoogleConnectResult } from "../complete-google-connect.ts";
import { createConnectUrl } from "../create-connect-url.ts";
import type { GoogleConfig } from "../google-config.ts";

/** The server's Google settings pointed at a running fake Google. */
export function googleConfigFor(fake: FakeGoogle): GoogleConfig {
  return {
    clientId: fake.clientId,
    clientSecret: fake.clientSecret,
    baseUrl: fake.url,
    syncIntervalSeconds: 300,
    redirectUri: "http://localhost:3000/api/calendars/google/callback",
  };
}

/**
 * "Connect Google Calendar" as a person does it, minus the browser: the connect URL, the
 * fake's consent page answered for `email` (granting `grant` only, when given; every
 * offered scope otherwise), then the callback with what Google sent back.
 */
export async function connectGoogleAccount({
  fake,
  email,
  grant,
  returnTo,
  ...deps
}: {
  db: Db;
  google: GoogleConfig;
  secrets: SecretKeyring;
  jobs: JobSender;
  events: EventRecorder;
  clock: Clock;
  actorId: string;
  fake: FakeGoogle;
  email: string;
  grant?: string[];
  returnTo?: string;
}): Promise<GoogleConnectResult> {
  const { url } = await createConnectUrl({ ...deps, input: returnTo ? { returnTo } : undefined });
  const location = await approveConsent(url, { email, ...(grant ? { grant } : {}) });
  const query = Object.fromEntries(new URL(location).searchParams);
  return completeGoogleConnect({ ...deps, query });
}

/** The connection id a connected result names (`?connection=`). */
export function connectionIdOf(result: GoogleConnectResult): string {
  const id = new URL(result.redirectTo, "http://app.invalid").searchParams.get("connection");
  if (!id) throw new Error(`not connected: ${result.redirectTo}`);
  return id;
}
