import type { Prisma } from "@agendacraft/db/prisma";
import { createImportedArea, createImportedProject, lockImportedContainers } from "../../scheduler/imports/index.ts";
import { ACCOUNT_LIMITS } from "../../shared/account-limits.ts";
import type { TodoistProject } from "../api/todoist-objects.ts";
import { todoistColorHex } from "../mapping/todoist-colors.ts";
import type { PullResult } from "./pull-types.ts";

/** Where a Todoist project's tasks go here: a project (null: the inbox) and that project's area. */
export type ProjectTarget = { projectId: string | null; areaId: string | null };

type Link = { todoistId: string; projectId: string | null; areaId: string | null; isInbox: boolean; name: string };

/**
 * Mirrors Todoist's projects: the Inbox is AgendaCraft's inbox; a top project with sub-projects
 * becomes an area of its name holding a project of the same name (for its own tasks) and its
 * sub-projects, deeper ones named "Parent / Child"; other top projects are projects. Renames
 * follow. Archived and deleted projects keep what was imported (noted, never dropped). Past
 * ACCOUNT_LIMITS a project's tasks go to the inbox, with a note. Returns every linked
 * project's target, for the items.
 */
export async function applyTodoistProjects({
  tx,
  userId,
  connectionId,
  projects,
  result,
}: {
  tx: Prisma.TransactionClient;
  userId: string;
  connectionId: string;
  projects: readonly TodoistProject[];
  result: PullResult;
}): Promise<Map<string, ProjectTarget>> {
  await lockImportedContainers(tx, userId);
  const links = new Map<string, Link>(
    (
      await tx.todoistProjectLink.findMany({
        where: { connectionId },
        select: { todoistId: true, projectId: true, areaId: true, isInbox: true, name: true },
      })
    ).map((link) => [link.todoistId, link]),
  );
  let projectRoom = ACCOUNT_LIMITS.projects - (await tx.project.count({ where: { userId } }));
  let areaRoom = ACCOUNT_LIMITS.areas - (await tx.area.count({ where: { userId } }));
  const note = (project: { id: string }, text: string) =>
    result.notes.push({ todoistId: project.id, taskId: null, note: text });

  const localProject = async (projectId: string | null) =>
    projectId ? tx.project.findUnique({ where: { id: projectId }, select: { name: true, areaId: true } }) : null;

  const saveLink = async (link: Link) => {
    links.set(link.todoistId, link);
    const { todoistId, ...data } = link;
    await tx.todoistProjectLink.upsert({
      where: { connectionId_todoistId: { connectionId, todoistId } },
      create: { connectionId, todoistId, ...data },
      update: data,
    });
  };

  const createProject = async (project: TodoistProject, name: string, areaId: string | null) => {
    if (projectRoom <= 0) {
      note(
        project,
        `The Todoist project “${project.name}” was not added: you have ${ACCOUNT_LIMITS.projects} projects already. Its tasks are in the inbox.`,
      );
      return null;
    }
    projectRoom -= 1;
    return createImportedProject(tx, { userId, name, areaId, color: todoistColorHex(project.color) });
  };

  /** The area a parent's sub-projects go in: made (and the parent's own project moved in) on its first sub-project. */
  const areaOf = async (parent: Link): Promise<string | null> => {
    if (parent.areaId) return parent.areaId;
    const own = await localProject(parent.projectId);
    if (own?.areaId) return own.areaId;
    if (parent.isInbox) return null;
    if (areaRoom <= 0) {
      note(
        { id: parent.todoistId },
        `No area was made for “${parent.name}”: you have ${ACCOUNT_LIMITS.areas} areas already. Its sub-projects are projects without an area.`,
      );
      return null;
    }
    areaRoom -= 1;
    const area = { id: await createImportedArea(tx, { userId, name: parent.name }) };
    if (parent.projectId) {
      await tx.project.update({ where: { id: parent.projectId }, data: { areaId: area.id } });
      await tx.task.updateMany({ where: { projectId: parent.projectId }, data: { areaId: area.id } });
    }
    await saveLink({ ...parent, areaId: area.id });
    return area.id;
  };

  for (const project of parentsFirst(projects)) {
    const link = links.get(project.id);
    if (project.is_deleted || project.is_archived) {
      if (link && !link.isInbox) {
        note(
          project,
          `The Todoist project “${project.name}” was ${project.is_deleted ? "deleted" : "archived"} in Todoist; what was imported from it stays here.`,
        );
      }
      continue;
    }
    if (project.inbox_project) {
      await saveLink({ todoistId: project.id, projectId: null, areaId: null, isInbox: true, name: project.name });
      continue;
    }

    const parentLink = project.parent_id ? links.get(project.parent_id) : undefined;
    const areaId = parentLink ? await areaOf(parentLink) : (link?.areaId ?? null);
    // Read again: areaOf may have just given the parent its area.
    const parent = parentLink ? links.get(parentLink.todoistId) : undefined;
    // A parent without an area of its own is a sub-project itself: its children say whose
    // they are, "Parent / Child" (the parent's local name already holds its own parents).
    const parentProject = parent && !parent.areaId && !parent.isInbox ? await localProject(parent.projectId) : null;
    const name = parentProject ? `${parentProject.name} / ${project.name}` : project.name;

    if (!link) {
      const projectId = await createProject(project, name, areaId);
      await saveLink({ todoistId: project.id, projectId, areaId: null, isInbox: false, name: project.name });
      continue;
    }
    if (link.projectId) {
      const current = await localProject(link.projectId);
      if (current && (current.name !== name || (parent && current.areaId !== areaId))) {
        await tx.project.update({
          where: { id: link.projectId },
          data: { name, ...(parent ? { areaId } : {}) },
        });
      }
    }
    if (link.areaId && link.name !== project.name) {
      await tx.area.update({ where: { id: link.areaId }, data: { name: project.name } });
    }
    if (link.name !== project.name) await saveLink({ ...link, name: project.name });
  }

  const targets = new Map<string, ProjectTarget>();
  const projectIds = [...links.values()].flatMap((link) => (link.projectId ? [link.projectId] : []));
  const areas = new Map(
    (await tx.project.findMany({ where: { id: { in: projectIds } }, select: { id: true, areaId: true } })).map(
      (project) => [project.id, project.areaId],
    ),
  );
  for (const link of links.values()) {
    targets.set(link.todoistId, {
      projectId: link.projectId,
      areaId: link.projectId ? (areas.get(link.projectId) ?? null) : null,
    });
  }
  return targets;
}

/** Parents before their children, so a child finds its parent's link (and area) made. */
function parentsFirst(projects: readonly TodoistProject[]): TodoistProject[] {
  const byId = new Map(projects.map((project) => [project.id, project]));
  const depth = (project: TodoistProject): number => {
    let level = 0;
    for (let at = project; at.parent_id && level < 50; level += 1) {
      const parent = byId.get(at.parent_id);
      if (!parent) return level + 1;
      at = parent;
    }
    return level;
  };
  return [...projects].sort((a, b) => depth(a) - depth(b) || a.child_order - b.child_order);
}
