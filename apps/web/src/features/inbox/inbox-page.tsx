import { FirstRunChecklist } from "../onboarding/first-run-checklist.tsx";
import { InboxTasks } from "./inbox-tasks.tsx";
import { QuickAddForm } from "./quick-add-form.tsx";

/** The inbox: a quick way to capture tasks, and the unplanned ones in the person's own order. */
export function InboxPage() {
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-4">
      <h1 className="text-xl font-semibold">Inbox</h1>
      <FirstRunChecklist />
      <QuickAddForm />
      <InboxTasks />
    </div>
  );
}
