import { useTestDatabase } from "@agendacraft/db/testing";
import { createAuth } from "@agendacraft/domain/iam";
import { fixedClock } from "@agendacraft/domain/shared";
import { describe, expect, it } from "vitest";
import { DEMO_USER } from "./demo-data.ts";
import { seedDemo } from "./seed-demo.ts";

describe("seedDemo", () => {
  const database = useTestDatabase();

  it("fills the demo account once through the services, and a second run changes nothing", async () => {
    const { prisma } = database();
    const auth = createAuth({
      prisma,
      secret: "seed-test-secret-long-enough-for-hmac",
      baseURL: "http://localhost:3000",
      trustedOrigins: ["http://localhost:3000"],
    });
    const deps = {
      prisma,
      auth,
      clock: fixedClock("2026-06-01T08:00:00Z"),
      timeZone: "Europe/Berlin",
      print: () => {},
    };

    const first = await seedDemo(deps);
    expect(first).toMatchObject({ created: true, email: DEMO_USER.email });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_USER.email } });
    const counts = async () => ({
      areas: await prisma.area.count({ where: { userId: user.id } }),
      projects: await prisma.project.count({ where: { userId: user.id } }),
      planners: await prisma.planner.count({ where: { userId: user.id } }),
      tasks: await prisma.task.count({ where: { userId: user.id } }),
    });
    const seeded = await counts();
    expect(seeded).toEqual({ areas: 2, projects: 4, planners: 3, tasks: 50 });
    expect(user.timeZone).toBe("Europe/Berlin");

    const orders = await prisma.task.findMany({
      where: { userId: user.id, projectId: null },
      orderBy: { order: "asc" },
    });
    expect(orders.map((task) => task.order)).toEqual(orders.map((_, i) => i + 1));
    await expect(
      auth.api.signInEmail({ body: { email: DEMO_USER.email, password: DEMO_USER.password } }),
    ).resolves.toBeTruthy();

    const second = await seedDemo(deps);
    expect(second.created).toBe(false);
    expect(await counts()).toEqual(seeded);
  });
});
