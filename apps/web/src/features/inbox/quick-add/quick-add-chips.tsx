import { type QuickAddToken, setsNothing } from "./quick-add-token.ts";

type QuickAddChipsProps = {
  summary: string;
  tokens: readonly QuickAddToken[];
  describe: (token: QuickAddToken) => string;
  /** Puts the token's words back into the summary and drops its field. */
  onRemove: (token: QuickAddToken) => void;
};

/**
 * What the quick-add line will save, one removable chip per thing read from it, shown
 * before saving so nothing is guessed silently. A chip wins over the field below it.
 */
export function QuickAddChips({ summary, tokens, describe, onRemove }: QuickAddChipsProps) {
  if (tokens.length === 0) return null;
  return (
    <div className="flex flex-col gap-1">
      <p id="quick-add-chips-heading" className="text-xs text-slate-600">
        Adds “{summary}” with (remove any that is wrong; these win over the fields below):
      </p>
      <ul aria-labelledby="quick-add-chips-heading" className="flex flex-wrap gap-2">
        {tokens.map((token) => {
          const label = describe(token);
          const unset = setsNothing(token);
          return (
            <li
              key={`${token.kind}:${token.index}`}
              className={`flex items-center gap-1 rounded-full border px-2 py-0.5 text-sm ${
                unset ? "border-amber-300 bg-amber-50 text-amber-900" : "border-indigo-200 bg-indigo-50 text-indigo-900"
              }`}
            >
              <span>{label}</span>
              <button
                type="button"
                className="rounded-full px-1 text-slate-600 hover:bg-white hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
                aria-label={`Remove ${label}`}
                title={`Keep “${token.text}” in the summary instead`}
                onClick={() => onRemove(token)}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
