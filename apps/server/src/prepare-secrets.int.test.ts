import { createRecordingJobs } from "@agendacraft/db/jobs/testing";
import { useTestDatabase } from "@agendacraft/db/testing";
import { openFeedUrl, syncFeed } from "@agendacraft/domain/calendars";
import { calendarText, LUNCH, startTestCalendarServer } from "@agendacraft/domain/calendars/testing";
import { fixedClock, newId, sealedSecretKeyId } from "@agendacraft/domain/shared";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createServerDeps } from "./create-server-deps.ts";
import { loadEnv } from "./env.ts";
import { prepareSecrets } from "./prepare-secrets.ts";

const silent = pino({ level: "silent" });

describe("prepareSecrets at start", () => {
  const database = useTestDatabase();

  it("encrypts an address stored in plaintext by an older version; the server opens it and it still syncs", async () => {
    const { prisma } = database();
    const calendars = await startTestCalendarServer();
    try {
      calendars.serveCalendar("/private-old/basic.ics", calendarText([LUNCH]));
      const url = calendars.url("/private-old/basic.ics");
      const user = await prisma.user.create({ data: { name: "Ada", email: `ada-${newId()}@example.com` } });
      const feedId = newId();
      // The way the server wrote it before addresses were encrypted.
      await prisma.$executeRaw`
        INSERT INTO calendar_feeds (id, "userId", name, url, "eventCount")
        VALUES (${feedId}::uuid, ${user.id}::uuid, 'Old', ${url}, 0)`;

      const env = loadEnv({ NODE_ENV: "test", SECRETS_KEY: Buffer.alloc(32, 9).toString("base64") });
      const secrets = await prepareSecrets({ env, db: prisma, log: silent });
      const { url: stored } = await prisma.calendarFeed.findUniqueOrThrow({ where: { id: feedId } });
      expect(sealedSecretKeyId(stored)).toBe(secrets.current.id);
      expect(stored).not.toContain("private-old");

      // A second start finds nothing left to encrypt.
      await prepareSecrets({ env, db: prisma, log: silent });
      await expect(prisma.calendarFeed.findUniqueOrThrow({ where: { id: feedId } })).resolves.toMatchObject({
        url: stored,
      });

      const { deps } = await createServerDeps({
        env,
        prisma,
        log: silent,
        clock: fixedClock("2026-06-01T09:00:00Z"),
        startedAt: new Date("2026-06-01T08:00:00Z"),
        jobs: createRecordingJobs(),
      });
      expect(openFeedUrl(deps.secrets, stored)).toBe(url);
      const synced = await syncFeed({
        db: prisma,
        actorId: user.id,
        input: { id: feedId },
        clock: deps.clock,
        secrets: deps.secrets,
        events: deps.events,
        allowPrivateNetworks: true,
      });
      expect(synced).toMatchObject({ lastError: null, eventCount: 1 });
    } finally {
      await calendars.close();
    }
  });
});
