import type { JobQueue } from "@agendacraft/db/jobs";
import { errorMessage } from "../lib/error-message.ts";
import { ExitCode } from "../lib/exit-codes.ts";

/** `pnpm jobs retry <id>`: sends a dead letter's data to its original queue again. */
export async function retryCommand({
  jobs,
  id,
  print,
  printError,
}: {
  jobs: Pick<JobQueue, "retryDeadLetter">;
  id: string;
  print(line: string): void;
  printError(line: string): void;
}): Promise<ExitCode> {
  print(`Re-queueing dead letter ${id}...`);
  try {
    const job = await jobs.retryDeadLetter(id);
    print(`Done: it runs again on ${job.queue} as job ${job.id}.`);
    return ExitCode.ok;
  } catch (error) {
    printError(`Could not re-queue it: ${errorMessage(error)}`);
    return ExitCode.failure;
  }
}
