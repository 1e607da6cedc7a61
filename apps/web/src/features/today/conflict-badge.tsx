/**
 * Marks a planned task that a calendar event now overlaps. Said in words (not by colour
 * alone), with why and what happens next for anyone who hovers or uses a screen reader.
 */
export function ConflictBadge() {
  return (
    <span
      className="rounded-full border border-red-300 bg-red-50 px-2 text-xs font-semibold text-red-800"
      title="A calendar event now overlaps this planned task. The next plan moves it."
    >
      <span aria-hidden="true">⚠ </span>Conflict
      <span className="sr-only">: a calendar event overlaps it; the next plan moves it</span>
    </span>
  );
}
