import { useMutation, useQuery } from "@tanstack/react-query";
import { toast } from "sonner";
import { describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import { ConfirmDialog } from "../../ui/confirm-dialog.tsx";
import { type AreaItem, countNoun } from "./project-types.ts";
import { useInvalidateProjects } from "./use-invalidate-projects.ts";

const MAX_PROJECTS = 200;

type DeleteAreaDialogProps = { area: AreaItem; open: boolean; onClose: () => void };

/**
 * Deleting an area keeps its projects and tasks, without an area (the domain's
 * deleteArea); the question says so, counting archived projects too.
 */
export function DeleteAreaDialog({ area, open, onClose }: DeleteAreaDialogProps) {
  const trpc = useTRPC();
  const invalidate = useInvalidateProjects();
  const projects = useQuery({
    ...trpc.scheduler.projects.list.queryOptions({ areaId: area.id, includeArchived: true, limit: MAX_PROJECTS }),
    enabled: open,
  });
  const remove = useMutation(
    trpc.scheduler.areas.delete.mutationOptions({
      onSuccess: () => {
        toast.success(`Deleted area “${area.name}”.`);
        onClose();
      },
      onError: (error) => toast.error(describeError(error).message),
      onSettled: () => invalidate(),
    }),
  );
  const tasks = area.openTasks + area.doneTasks;
  const projectCount = projects.data
    ? `${projects.data.nextCursor ? "More than " : ""}${countNoun(projects.data.items.length, "project")}`
    : null;

  return (
    <ConfirmDialog
      open={open}
      title={`Delete area “${area.name}”?`}
      confirmLabel="Delete area"
      danger
      busy={remove.isPending}
      onConfirm={() => remove.mutate({ id: area.id })}
      onCancel={onClose}
    >
      <p role="status">
        {projectCount === null
          ? "Counting its projects…"
          : `Its ${projectCount} and ${countNoun(tasks, "task")} are kept, without an area.`}
      </p>
    </ConfirmDialog>
  );
}
