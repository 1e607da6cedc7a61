import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import { ConfirmDialog } from "../../ui/confirm-dialog.tsx";
import { countNoun, type ProjectItem } from "./project-types.ts";
import { useInvalidateProjects } from "./use-invalidate-projects.ts";

type DeleteProjectDialogProps = { project: ProjectItem; open: boolean; onClose: () => void; onDeleted?: () => void };

/** Deleting a project deletes its tasks, so the question says how many go with it. */
export function DeleteProjectDialog({ project, open, onClose, onDeleted }: DeleteProjectDialogProps) {
  const trpc = useTRPC();
  const invalidate = useInvalidateProjects();
  const remove = useMutation(
    trpc.scheduler.projects.delete.mutationOptions({
      onSuccess: ({ deletedTasks }) => {
        toast.success(
          deletedTasks === 0
            ? `Deleted “${project.name}”.`
            : `Deleted “${project.name}” and ${countNoun(deletedTasks, "task")}.`,
        );
        onClose();
        onDeleted?.();
      },
      onError: (error) => toast.error(describeError(error).message),
      onSettled: () => invalidate(),
    }),
  );
  const tasks = project.openTasks + project.doneTasks;
  return (
    <ConfirmDialog
      open={open}
      title={
        tasks === 0 ? `Delete “${project.name}”?` : `Delete “${project.name}” and its ${countNoun(tasks, "task")}?`
      }
      confirmLabel="Delete project"
      danger
      busy={remove.isPending}
      onConfirm={() => remove.mutate({ id: project.id })}
      onCancel={onClose}
    >
      {tasks === 0 ? (
        <p>The project has no tasks. This cannot be undone.</p>
      ) : (
        <p>
          Its {project.openTasks} open and {project.doneTasks} done {tasks === 1 ? "task is" : "tasks are"} deleted with
          it. This cannot be undone.
        </p>
      )}
    </ConfirmDialog>
  );
}
