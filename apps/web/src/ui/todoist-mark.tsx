/**
 * A small mark beside a task or project that is linked to Todoist, so a person can tell what
 * syncs there. Named for screen readers and as a tooltip; the mark itself is decoration.
 */
export function TodoistMark({ className = "" }: { className?: string }) {
  return (
    <span
      role="img"
      aria-label="From Todoist"
      title="From Todoist"
      className={`inline-flex size-4 shrink-0 items-center justify-center rounded-sm bg-red-600 text-[10px] font-bold leading-none text-white ${className}`}
    >
      <span aria-hidden="true">T</span>
    </span>
  );
}
