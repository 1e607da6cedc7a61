import type { PrismaClient } from "@agendacraft/db/client";
import type { FakeGoogle } from "@agendacraft/fake-google";
import type { Clock } from "../../../shared/clock.ts";
import type { SecretKeyring } from "../../../shared/secrets/secret-keyring.ts";
import { sealAccessToken, sealRefreshToken } from "../connection-tokens.ts";
import type { GoogleConfig } from "../google-config.ts";

/** The server's Google settings pointed at a running fake Google. */
export function googleConfigForFake(fake: FakeGoogle): GoogleConfig {
  return { clientId: fake.clientId, clientSecret: fake.clientSecret, baseUrl: fake.url, syncIntervalSeconds: 300 };
}

/**
 * A Google connection as "Connect Google Calendar" leaves it, without the browser: tokens
 * from the fake (sealed as the connect flow stores them, valid for an hour on `clock`) and
 * the account's primary calendar, counting as busy. The sync tests start from here.
 */
export async function seedGoogleConnection({
  prisma,
  fake,
  secrets,
  clock,
  userId,
  email,
}: {
  prisma: PrismaClient;
  fake: FakeGoogle;
  secrets: SecretKeyring;
  clock: Clock;
  userId: string;
  email: string;
}): Promise<{ connectionId: string; calendarId: string }> {
  const tokens = await fake.issueTokens({ email });
  const connection = await prisma.calendarConnection.create({
    data: {
      userId,
      externalAccountId: `sub-${email}`,
      email,
      name: email,
      accessToken: sealAccessToken(secrets, tokens.accessToken),
      refreshToken: sealRefreshToken(secrets, tokens.refreshToken),
      accessTokenExpiresAt: new Date(clock.now().getTime() + 3600_000),
      scope: tokens.scope,
      calendars: { create: { userId, externalId: email, name: email, primary: true, busy: true } },
    },
    select: { id: true, calendars: { select: { id: true } } },
  });
  const calendar = connection.calendars[0];
  if (!calendar) throw new Error("the seeded connection has no calendar");
  return { connectionId: connection.id, calendarId: calendar.id };
}
