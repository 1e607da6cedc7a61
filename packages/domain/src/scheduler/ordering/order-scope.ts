/**
 * The rows whose `order` counts 1..n together: a user's areas, a user's projects, or the
 * tasks of one of their projects (`projectId: null` is the inbox).
 */
export type OrderScope =
  | { table: "areas"; userId: string }
  | { table: "projects"; userId: string }
  | { table: "tasks"; userId: string; projectId: string | null };

export const areaOrder = (userId: string): OrderScope => ({ table: "areas", userId });
export const projectOrder = (userId: string): OrderScope => ({ table: "projects", userId });
export const taskOrder = (userId: string, projectId: string | null): OrderScope => ({
  table: "tasks",
  userId,
  projectId,
});
