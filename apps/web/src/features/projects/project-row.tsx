import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { toast } from "sonner";
import { describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import { buttonClass } from "../../ui/button.ts";
import { TodoistMark } from "../../ui/todoist-mark.tsx";
import { ColorInput } from "./color-input.tsx";
import { DeleteProjectDialog } from "./delete-project-dialog.tsx";
import type { ProjectItem } from "./project-types.ts";
import { RenameForm } from "./rename-form.tsx";
import { TaskCounts } from "./task-counts.tsx";
import { useInvalidateProjects } from "./use-invalidate-projects.ts";

/** One project in the overview: its swatch, link and counts, and what can be done to it. */
export function ProjectRow({ project }: { project: ProjectItem }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateProjects();
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const showError = (error: unknown) => toast.error(describeError(error).message);

  const rename = useMutation(
    trpc.scheduler.projects.update.mutationOptions({
      onSuccess: () => setRenaming(false),
      onSettled: () => invalidate(),
    }),
  );
  const recolor = useMutation(
    trpc.scheduler.projects.update.mutationOptions({ onError: showError, onSettled: () => invalidate() }),
  );
  const archive = useMutation(
    trpc.scheduler.projects.archive.mutationOptions({
      onSuccess: () => toast.success(`Archived “${project.name}”.`),
      onError: showError,
      onSettled: () => invalidate(),
    }),
  );
  const unarchive = useMutation(
    trpc.scheduler.projects.unarchive.mutationOptions({ onError: showError, onSettled: () => invalidate() }),
  );
  const archived = project.archivedAt !== null;

  return (
    <li className="flex flex-col gap-2 rounded-md border border-slate-200 bg-white px-3 py-2 sm:flex-row sm:items-center">
      {renaming ? (
        <RenameForm
          currentName={project.name}
          onSave={(name) => rename.mutateAsync({ id: project.id, name })}
          onCancel={() => {
            rename.reset();
            setRenaming(false);
          }}
        />
      ) : (
        <>
          <div className="flex min-w-0 flex-1 items-center gap-2">
            <span
              aria-hidden="true"
              className="size-3 shrink-0 rounded-full"
              style={{ backgroundColor: project.color }}
            />
            <Link
              to={`/projects/${project.id}`}
              className={`truncate font-medium hover:underline ${archived ? "text-slate-500" : "text-slate-900"}`}
            >
              {project.name}
            </Link>
            {project.todoistId !== null ? <TodoistMark /> : null}
            {archived ? (
              <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">Archived</span>
            ) : null}
            <TaskCounts open={project.openTasks} done={project.doneTasks} />
          </div>
          <div className="flex flex-wrap items-center gap-1">
            <button type="button" className={buttonClass.ghost} onClick={() => setRenaming(true)}>
              Rename<span className="sr-only"> “{project.name}”</span>
            </button>
            <ColorInput
              label={`Color of “${project.name}”`}
              value={project.color}
              disabled={recolor.isPending}
              onCommit={(color) => recolor.mutate({ id: project.id, color })}
            />
            {archived ? (
              <button
                type="button"
                className={buttonClass.ghost}
                disabled={unarchive.isPending}
                onClick={() => unarchive.mutate({ id: project.id })}
              >
                Unarchive<span className="sr-only"> “{project.name}”</span>
              </button>
            ) : (
              <button
                type="button"
                className={buttonClass.ghost}
                disabled={archive.isPending}
                onClick={() => archive.mutate({ id: project.id })}
              >
                Archive<span className="sr-only"> “{project.name}”</span>
              </button>
            )}
            <button type="button" className={`${buttonClass.ghost} text-red-700`} onClick={() => setDeleting(true)}>
              Delete<span className="sr-only"> “{project.name}”</span>
            </button>
          </div>
        </>
      )}
      <DeleteProjectDialog project={project} open={deleting} onClose={() => setDeleting(false)} />
    </li>
  );
}
