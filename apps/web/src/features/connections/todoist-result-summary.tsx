import type { TodoistLastResult } from "./todoist-types.ts";
import { todoistConflictWords, todoistResultWords } from "./todoist-words.ts";

/** What the last run did: the counts in one sentence, the conflicts it settled, and its notes. */
export function TodoistResultSummary({ result }: { result: TodoistLastResult }) {
  const conflicts = todoistConflictWords(result.conflicts.length);
  return (
    <div className="flex flex-col gap-1 text-sm text-slate-700">
      <p>{todoistResultWords(result)}</p>
      {conflicts ? <p>{conflicts}</p> : null}
      {result.notes.length > 0 ? (
        <ul aria-label="Notes from the last Todoist sync" className="list-disc pl-5 text-slate-600">
          {result.notes.map((note) => (
            <li key={`${note.todoistId}:${note.note}`}>{note.note}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
