/** "3 open · 2 done", the counts a project or area row shows. */
export function TaskCounts({ open, done }: { open: number; done: number }) {
  return (
    <span className="shrink-0 text-xs whitespace-nowrap text-slate-500">
      {open} open · {done} done
    </span>
  );
}
