import type { InfiniteData } from "@tanstack/react-query";
import type { Task, TaskPage } from "../tasks/task-types.ts";

/** The loaded pages of the inbox as TanStack Query keeps them (with the cursor each was fetched with). */
export type InboxData = InfiniteData<TaskPage, unknown>;

/** The tasks of every loaded page, in order. */
export function inboxTasks(data: InboxData | undefined): Task[] {
  return data?.pages.flatMap((page) => page.items) ?? [];
}

export function withoutTask<T extends InboxData>(data: T, id: string): T {
  return {
    ...data,
    pages: data.pages.map((page) => ({ ...page, items: page.items.filter((task) => task.id !== id) })),
  };
}

export function withTaskReplaced<T extends InboxData>(data: T, task: Task): T {
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.map((item) => (item.id === task.id ? task : item)),
    })),
  };
}

/**
 * The task `id` moved to where `targetId` is, the others shifting to make room, as a drop
 * in a sortable list means. Pages keep their sizes; the refetch that follows brings the
 * server's pages (and cursors) back.
 */
export function withTaskMoved<T extends InboxData>(data: T, id: string, targetId: string): T {
  const tasks = inboxTasks(data);
  const from = tasks.findIndex((task) => task.id === id);
  const to = tasks.findIndex((task) => task.id === targetId);
  const moving = tasks[from];
  if (from < 0 || to < 0 || !moving) return data;
  const reordered = tasks.filter((task) => task.id !== id);
  reordered.splice(to, 0, moving);
  let offset = 0;
  return {
    ...data,
    pages: data.pages.map((page) => {
      const items = reordered.slice(offset, offset + page.items.length);
      offset += page.items.length;
      return { ...page, items };
    }),
  };
}
