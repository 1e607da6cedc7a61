import { priorityLabel } from "@agendacraft/domain/scheduler/tasks/priority/schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { useMe } from "../../auth/require-session.tsx";
import { describeError } from "../../errors/describe-error.ts";
import { formatDateTime, formatMinutes, formatTime } from "../../lib/time.ts";
import { useTRPC } from "../../trpc.ts";
import { buttonClass } from "../../ui/button.ts";
import { Modal } from "../../ui/modal.tsx";
import { LoadError, Loading } from "../../ui/states.tsx";
import { TaskEditForm } from "../tasks/task-edit-form.tsx";
import { TaskHistorySection } from "../tasks/task-history-section.tsx";
import type { Task } from "../tasks/task-types.ts";
import { useDeferredTaskDelete } from "../tasks/use-deferred-task-delete.ts";
import { MoveTaskForm } from "./move-task-form.tsx";
import { useCompleteWeekTask } from "./use-complete-week-task.ts";
import { useUnscheduleTask } from "./use-unschedule-task.ts";
import type { WeekRange } from "./week-types.ts";

/** Room for the edit form's three columns. */
const WIDE = "w-[min(36rem,calc(100vw-1.5rem))]";

type TaskDetailsDialogProps = {
  taskId: string;
  /** The shown week, when the task's time may change here; null for a done task or a part of a split one. */
  week: WeekRange | null;
  onClose: () => void;
};

/**
 * What a block on the calendar is, and its history; complete, reopen, edit, unschedule, delete
 * or move it from there (the keyboard way to drag). Edit swaps the details for the edit form in the
 * same dialog, so Escape or Cancel comes back to the details.
 */
export function TaskDetailsDialog({ taskId, week, onClose }: TaskDetailsDialogProps) {
  const trpc = useTRPC();
  const { timeZone } = useMe();
  const task = useQuery(trpc.scheduler.tasks.byId.queryOptions({ id: taskId }));
  const [editing, setEditing] = useState(false);
  const loaded = task.data;

  if (editing && loaded) {
    return (
      <Modal title={`Edit “${loaded.summary}”`} onClose={() => setEditing(false)} widthClass={WIDE}>
        {/* The form refreshes every task query itself, the week's agenda included. */}
        <TaskEditForm task={loaded} onDone={() => setEditing(false)} />
      </Modal>
    );
  }

  return (
    <Modal title={loaded?.summary ?? "Task"} onClose={onClose} widthClass={WIDE}>
      {task.isPending ? (
        <Loading label="Loading the task…" />
      ) : task.isError ? (
        <LoadError error={task.error} onRetry={() => void task.refetch()} />
      ) : (
        <TaskFacts task={task.data} timeZone={timeZone} />
      )}
      {week && loaded?.startTime && !loaded.completedAt ? (
        <MoveTaskForm
          task={{ id: loaded.id, startTime: loaded.startTime }}
          week={week}
          timeZone={timeZone}
          onMoved={onClose}
        />
      ) : null}
      {loaded ? <TaskHistorySection taskId={loaded.id} timeZone={timeZone} /> : null}
      {loaded ? <TaskActions task={loaded} onEdit={() => setEditing(true)} onClose={onClose} /> : null}
    </Modal>
  );
}

function TaskFacts({ task, timeZone }: { task: Task; timeZone: string }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      {task.startTime && task.endTime ? (
        <>
          <dt className="text-slate-500">When</dt>
          <dd>
            {formatDateTime(task.startTime, timeZone)}–{formatTime(task.endTime, timeZone)}
          </dd>
        </>
      ) : null}
      <dt className="text-slate-500">Takes</dt>
      <dd>{formatMinutes(task.minutes)}</dd>
      <dt className="text-slate-500">Priority</dt>
      <dd>{priorityLabel(task.priority)}</dd>
      {task.dueAt ? (
        <>
          <dt className="text-slate-500">Deadline</dt>
          <dd>{formatDateTime(task.dueAt, timeZone)}</dd>
        </>
      ) : null}
      {task.completedAt ? (
        <>
          <dt className="text-slate-500">Done</dt>
          <dd>{formatDateTime(task.completedAt, timeZone)}</dd>
        </>
      ) : null}
      {task.description ? <dd className="col-span-2 whitespace-pre-wrap pt-2">{task.description}</dd> : null}
    </dl>
  );
}

type TaskActionsProps = { task: Task; onEdit: () => void; onClose: () => void };

/** Edit, Unschedule (open tasks with a time), Delete (with Undo), and Complete or Reopen. */
function TaskActions({ task, onEdit, onClose }: TaskActionsProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const complete = useCompleteWeekTask();
  const unschedule = useUnscheduleTask();
  const { deleteWithUndo } = useDeferredTaskDelete();
  const reopen = useMutation(
    trpc.scheduler.tasks.reopen.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.scheduler.tasks.pathFilter());
        onClose();
      },
      onError: (error) => toast.error(`Could not reopen the task. ${describeError(error).message}`),
    }),
  );
  const isOpen = !task.completedAt;

  return (
    <>
      <div className="flex flex-wrap gap-2 border-t border-slate-200 pt-3">
        <button type="button" className={buttonClass.secondary} onClick={onEdit}>
          Edit
        </button>
        {isOpen && task.startTime ? (
          <button
            type="button"
            className={buttonClass.secondary}
            disabled={unschedule.isPending}
            onClick={async () => {
              if (await unschedule.unschedule(task)) onClose();
            }}
          >
            Unschedule
          </button>
        ) : null}
        <button
          type="button"
          className={buttonClass.secondary}
          onClick={() => {
            onClose();
            deleteWithUndo(task);
          }}
        >
          Delete
        </button>
      </div>
      <div className="flex flex-wrap justify-end gap-2">
        <button type="button" className={buttonClass.secondary} onClick={onClose}>
          Close
        </button>
        {isOpen ? (
          <button
            type="button"
            className={buttonClass.primary}
            disabled={complete.isPending}
            onClick={() => complete.mutate({ id: task.id }, { onSuccess: onClose })}
          >
            Complete
          </button>
        ) : (
          <button
            type="button"
            className={buttonClass.primary}
            disabled={reopen.isPending}
            onClick={() => reopen.mutate({ id: task.id })}
          >
            Reopen
          </button>
        )}
      </div>
    </>
  );
}
