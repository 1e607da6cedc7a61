import type { JobQueue } from "@agendacraft/db/jobs";
import { ExitCode } from "../lib/exit-codes.ts";
import { formatDeadLetters } from "./format-dead-letters.ts";

/** `pnpm jobs dead-letters [--queue name] [--limit n]`: jobs that used up their retries, newest first. */
export async function deadLettersCommand({
  jobs,
  queue,
  limit,
  print,
}: {
  jobs: Pick<JobQueue, "listDeadLetters">;
  queue?: string;
  limit?: number;
  print(line: string): void;
}): Promise<ExitCode> {
  const letters = await jobs.listDeadLetters({ ...(queue ? { queue } : {}), ...(limit ? { limit } : {}) });
  if (letters.length === 0) {
    print(queue ? `No dead letters on ${queue}.` : "No dead letters.");
    return ExitCode.ok;
  }
  for (const line of formatDeadLetters(letters)) print(line);
  print("");
  print(`${letters.length} dead letter(s), newest first. Re-queue one with: pnpm jobs retry <id>`);
  return ExitCode.ok;
}
