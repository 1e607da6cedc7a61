/** What the colours mean, in words, so nothing is told by colour alone. */
export function WeekLegend({ timeZone }: { timeZone: string }) {
  const item = "flex items-center gap-1";
  const swatch = "inline-block h-3 w-3 rounded-sm border";
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" aria-label="Legend">
      <li className={item}>
        <span aria-hidden="true" className={`${swatch} border-indigo-300 bg-indigo-200`} /> Planner time
      </li>
      <li className={item}>
        <span aria-hidden="true" className={`${swatch} border-indigo-700 bg-indigo-600`} /> Task (drag to move)
      </li>
      <li className={item}>
        <span aria-hidden="true" className={`${swatch} border-indigo-500 bg-indigo-400`} /> Part of a split task
      </li>
      <li className={item}>
        <span aria-hidden="true" className={`${swatch} border-slate-300 bg-slate-200`} /> Done
      </li>
      <li className={item}>
        <span aria-hidden="true" className={`${swatch} border-amber-600 bg-amber-100`} /> Busy (your calendars)
      </li>
      <li>Times in {timeZone}</li>
    </ul>
  );
}
