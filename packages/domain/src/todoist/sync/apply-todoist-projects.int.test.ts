import { useTestDatabase } from "@agendacraft/db/testing";
import { describe, expect, it } from "vitest";
import { createUser } from "../../notifier/testing/fixtures.ts";
import { ACCOUNT_LIMITS } from "../../shared/account-limits.ts";
import { ZTodoistProject } from "../api/todoist-objects.ts";
import { applyTodoistProjects } from "./apply-todoist-projects.ts";
import { emptyPullResult } from "./pull-result.ts";

const project = (fields: Record<string, unknown>) => ZTodoistProject.parse(fields);

describe("applying Todoist's projects", () => {
  const database = useTestDatabase();

  async function connected() {
    const { prisma } = database();
    const user = await createUser(prisma);
    const connection = await prisma.todoistConnection.create({
      data: {
        userId: user.id,
        todoistUserId: "1",
        email: "a@example.com",
        name: "A",
        authKind: "token",
        accessToken: "x",
      },
    });
    const apply = async (projects: ReturnType<typeof project>[]) => {
      const result = emptyPullResult();
      const targets = await prisma.$transaction((tx) =>
        applyTodoistProjects({ tx, userId: user.id, connectionId: connection.id, projects, result }),
      );
      return { targets, notes: result.notes.map((note) => note.note) };
    };
    const names = async () =>
      (
        await prisma.project.findMany({
          where: { userId: user.id },
          orderBy: { order: "asc" },
          select: { name: true, area: { select: { name: true } } },
        })
      ).map((row) => `${row.area ? `${row.area.name}: ` : ""}${row.name}`);
    return { prisma, userId: user.id, apply, names };
  }

  it("follows renames, makes an area when a project gains sub-projects, and keeps archived ones", async () => {
    const { apply, names } = await connected();
    const inbox = project({ id: "in", name: "Inbox", inbox_project: true });
    const work = project({ id: "w", name: "Work" });
    const home = project({ id: "h", name: "Home" });
    const first = await apply([inbox, work, home]);
    expect(await names()).toEqual(["Work", "Home"]);
    expect(first.targets.get("in")).toEqual({ projectId: null, areaId: null });

    // Incremental answers list only what changed: a new sub-project names a parent not in the answer.
    await apply([project({ id: "hi", name: "Hiring", parent_id: "w" })]);
    expect(await names()).toEqual(["Work: Work", "Home", "Work: Hiring"]);
    await apply([project({ id: "iv", name: "Interviews", parent_id: "hi" })]);
    expect(await names()).toEqual(["Work: Work", "Home", "Work: Hiring", "Work: Hiring / Interviews"]);

    const renamed = await apply([
      project({ id: "w", name: "Job" }),
      project({ id: "hi", name: "Recruiting", parent_id: "w" }),
      project({ id: "h", name: "Home", is_archived: true }),
    ]);
    expect(await names()).toEqual(["Job: Job", "Home", "Job: Recruiting", "Job: Hiring / Interviews"]);
    expect(renamed.notes).toEqual([
      expect.stringMatching(/“Home” was archived in Todoist; what was imported from it stays here/),
    ]);
  });

  it("past the project limit, notes the projects it could not add and sends their tasks to the inbox", async () => {
    const { prisma, userId, apply, names } = await connected();
    await prisma.project.createMany({
      data: Array.from({ length: ACCOUNT_LIMITS.projects - 1 }, (_, i) => ({
        userId,
        name: `Mine ${i}`,
        order: i + 1,
      })),
    });
    const { targets, notes } = await apply([project({ id: "a", name: "A" }), project({ id: "b", name: "B" })]);
    expect((await names()).slice(-1)).toEqual(["A"]);
    expect(targets.get("b")).toEqual({ projectId: null, areaId: null });
    expect(notes).toEqual([expect.stringMatching(/“B” was not added: you have 500 projects already/)]);
  });
});
