import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { describeError } from "../../errors/describe-error.ts";
import { useTRPC } from "../../trpc.ts";
import { moveAgendaEntry } from "./agenda-cache.ts";
import type { WeekRange } from "./week-types.ts";

/**
 * Saves a task dragged or resized on the calendar. The shown week's agenda takes the new
 * time at once; if the server refuses (a start in the past, a task longer than 8 h) the
 * old agenda comes back and the person is told why. The caller also reverts the calendar.
 */
export function useMoveTaskTime(week: WeekRange) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queryKey = trpc.scheduler.tasks.agenda.queryKey({ from: week.from, to: week.to });

  return useMutation(
    trpc.scheduler.tasks.update.mutationOptions({
      onMutate: async (input) => {
        await queryClient.cancelQueries({ queryKey });
        const previous = queryClient.getQueryData(queryKey);
        if (previous && input.startTime && input.endTime) {
          queryClient.setQueryData(queryKey, moveAgendaEntry(previous, input.id, input.startTime, input.endTime));
        }
        return { previous };
      },
      onError: (error, _input, context) => {
        if (context?.previous) queryClient.setQueryData(queryKey, context.previous);
        toast.error(`Could not move the task. ${describeError(error).message}`);
      },
      onSettled: async () => {
        await Promise.all([
          queryClient.invalidateQueries(trpc.scheduler.tasks.agenda.pathFilter()),
          queryClient.invalidateQueries(trpc.scheduler.tasks.list.pathFilter()),
        ]);
      },
    }),
  );
}
