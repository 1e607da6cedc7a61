import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useMe } from "../../auth/require-session.tsx";
import { describeError } from "../../errors/describe-error.ts";
import { formatDateTime } from "../../lib/time.ts";
import { useTRPC } from "../../trpc.ts";
import { useUndoCompletion } from "../tasks/use-undo-completion.ts";
import { completeAgendaTask } from "./agenda-cache.ts";
import type { Agenda } from "./week-types.ts";

/**
 * Completes a task from the calendar. Its blocks turn grey at once; if the server refuses,
 * every cached week comes back as it was and the person is told why. A recurring task's
 * next occurrence is announced. The toast offers Undo.
 */
export function useCompleteWeekTask() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { timeZone } = useMe();
  const agendas = trpc.scheduler.tasks.agenda.pathFilter();
  const offerUndo = useUndoCompletion();

  return useMutation(
    trpc.scheduler.tasks.complete.mutationOptions({
      onMutate: async ({ id }) => {
        await queryClient.cancelQueries(agendas);
        const previous = queryClient.getQueriesData<Agenda>(agendas);
        queryClient.setQueriesData<Agenda>(agendas, (agenda) => (agenda ? completeAgendaTask(agenda, id) : agenda));
        return { previous };
      },
      onError: (error, _input, context) => {
        for (const [key, data] of context?.previous ?? []) queryClient.setQueryData(key, data);
        toast.error(`Could not complete the task. ${describeError(error).message}`);
      },
      onSuccess: (completion) => {
        const { task, next } = completion;
        const nextText = next?.startTime ? ` Next occurrence: ${formatDateTime(next.startTime, timeZone)}.` : "";
        offerUndo(completion, `Completed “${task.summary}”.${nextText}`);
      },
      // Every task query: the week, the lists and this task's details all changed.
      onSettled: () => queryClient.invalidateQueries(trpc.scheduler.tasks.pathFilter()),
    }),
  );
}
