import { useMutation } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { toast } from "sonner";
import { describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import { buttonClass } from "../../ui/button.ts";
import { TodoistMark } from "../../ui/todoist-mark.tsx";
import { ColorInput } from "./color-input.tsx";
import { DeleteAreaDialog } from "./delete-area-dialog.tsx";
import type { AreaItem } from "./project-types.ts";
import { RenameForm } from "./rename-form.tsx";
import { TaskCounts } from "./task-counts.tsx";
import { useInvalidateProjects } from "./use-invalidate-projects.ts";

/** An area's heading, with its rename, color and delete, above its projects. */
export function AreaSection({ area, children }: { area: AreaItem; children: ReactNode }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateProjects();
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const rename = useMutation(
    trpc.scheduler.areas.update.mutationOptions({
      onSuccess: () => setRenaming(false),
      onSettled: () => invalidate(),
    }),
  );
  const recolor = useMutation(
    trpc.scheduler.areas.update.mutationOptions({
      onError: (error) => toast.error(describeError(error).message),
      onSettled: () => invalidate(),
    }),
  );
  const headingId = `area-${area.id}`;

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2">
      {renaming ? (
        <>
          {/* The section keeps its name for screen readers while the name is being edited. */}
          <h2 id={headingId} className="sr-only">
            {area.name}
          </h2>
          <RenameForm
            currentName={area.name}
            onSave={(name) => rename.mutateAsync({ id: area.id, name })}
            onCancel={() => {
              rename.reset();
              setRenaming(false);
            }}
          />
        </>
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <span aria-hidden="true" className="size-3 shrink-0 rounded-sm" style={{ backgroundColor: area.color }} />
          <h2 id={headingId} className="font-semibold">
            {area.name}
          </h2>
          {area.todoistId !== null ? <TodoistMark /> : null}
          <TaskCounts open={area.openTasks} done={area.doneTasks} />
          <div className="ml-auto flex items-center gap-1">
            <button type="button" className={buttonClass.ghost} onClick={() => setRenaming(true)}>
              Rename<span className="sr-only"> area “{area.name}”</span>
            </button>
            <ColorInput
              label={`Color of area “${area.name}”`}
              value={area.color}
              disabled={recolor.isPending}
              onCommit={(color) => recolor.mutate({ id: area.id, color })}
            />
            <button type="button" className={`${buttonClass.ghost} text-red-700`} onClick={() => setDeleting(true)}>
              Delete<span className="sr-only"> area “{area.name}”</span>
            </button>
          </div>
        </div>
      )}
      {children}
      <DeleteAreaDialog area={area} open={deleting} onClose={() => setDeleting(false)} />
    </section>
  );
}
