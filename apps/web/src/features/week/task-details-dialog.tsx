import { priorityLabel } from "@agendacraft/domain/scheduler/tasks/priority/schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useMe } from "../../auth/require-session.tsx";
import { describeError } from "../../errors/describe-error.ts";
import { formatDateTime, formatMinutes, formatTime } from "../../lib/time.ts";
import { useTRPC } from "../../trpc.ts";
import { buttonClass } from "../../ui/button.ts";
import { Modal } from "../../ui/modal.tsx";
import { LoadError, Loading } from "../../ui/states.tsx";
import { MoveTaskForm } from "./move-task-form.tsx";
import { useCompleteWeekTask } from "./use-complete-week-task.ts";
import type { WeekRange } from "./week-types.ts";

type TaskDetailsDialogProps = {
  taskId: string;
  /** The shown week, when the task's time may change here; null for a done task or a part of a split one. */
  week: WeekRange | null;
  onClose: () => void;
};

/** What a block on the calendar is; complete, reopen or move it from there (the keyboard way to drag). */
export function TaskDetailsDialog({ taskId, week, onClose }: TaskDetailsDialogProps) {
  const trpc = useTRPC();
  const { timeZone } = useMe();
  const task = useQuery(trpc.scheduler.tasks.byId.queryOptions({ id: taskId }));
  const complete = useCompleteWeekTask();
  const queryClient = useQueryClient();
  const reopen = useMutation(
    trpc.scheduler.tasks.reopen.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.scheduler.tasks.pathFilter());
        onClose();
      },
      onError: (error) => toast.error(`Could not reopen the task. ${describeError(error).message}`),
    }),
  );

  return (
    <Modal title={task.data?.summary ?? "Task"} onClose={onClose}>
      {task.isPending ? (
        <Loading label="Loading the task…" />
      ) : task.isError ? (
        <LoadError error={task.error} onRetry={() => void task.refetch()} />
      ) : (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {task.data.startTime && task.data.endTime ? (
            <>
              <dt className="text-slate-500">When</dt>
              <dd>
                {formatDateTime(task.data.startTime, timeZone)}–{formatTime(task.data.endTime, timeZone)}
              </dd>
            </>
          ) : null}
          <dt className="text-slate-500">Takes</dt>
          <dd>{formatMinutes(task.data.minutes)}</dd>
          <dt className="text-slate-500">Priority</dt>
          <dd>{priorityLabel(task.data.priority)}</dd>
          {task.data.dueAt ? (
            <>
              <dt className="text-slate-500">Deadline</dt>
              <dd>{formatDateTime(task.data.dueAt, timeZone)}</dd>
            </>
          ) : null}
          {task.data.completedAt ? (
            <>
              <dt className="text-slate-500">Done</dt>
              <dd>{formatDateTime(task.data.completedAt, timeZone)}</dd>
            </>
          ) : null}
          {task.data.description ? (
            <dd className="col-span-2 whitespace-pre-wrap pt-2">{task.data.description}</dd>
          ) : null}
        </dl>
      )}
      {week && task.data?.startTime && !task.data.completedAt ? (
        <MoveTaskForm
          task={{ id: task.data.id, startTime: task.data.startTime }}
          week={week}
          timeZone={timeZone}
          onMoved={onClose}
        />
      ) : null}
      <div className="flex justify-end gap-2">
        <button type="button" className={buttonClass.secondary} onClick={onClose}>
          Close
        </button>
        {task.data && !task.data.completedAt ? (
          <button
            type="button"
            className={buttonClass.primary}
            disabled={complete.isPending}
            onClick={() => complete.mutate({ id: taskId }, { onSuccess: onClose })}
          >
            Complete
          </button>
        ) : null}
        {task.data?.completedAt ? (
          <button
            type="button"
            className={buttonClass.primary}
            disabled={reopen.isPending}
            onClick={() => reopen.mutate({ id: taskId })}
          >
            Reopen
          </button>
        ) : null}
      </div>
    </Modal>
  );
}
