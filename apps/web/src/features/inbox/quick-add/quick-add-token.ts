// The tokens a quick-add line is read into: types and checks only, so the form can use them
// without loading the parser (chrono-node) in the first download.

/** One thing read from the line, with the words it came from (`text`, as typed, at `index`). */
export type QuickAddToken = { text: string; index: number } & (
  | {
      kind: "due";
      dueAt: Date;
      hasTime: boolean;
      /** No day was typed, so a repeating task is due on its first day (its text is ""). */
      firstRepeat?: true;
    }
  /** "after friday", "not before 2pm", "starting monday": the task waits until then (its words include the keyword). */
  | { kind: "startAfter"; startAfter: Date; hasTime: boolean }
  | { kind: "minutes"; minutes: number }
  | { kind: "priority"; priority: number }
  /** projectId null: no project has that name, so none is set. */
  | { kind: "project"; projectId: string | null; name: string }
  /** rule null: "every ..." that is no repetition we know, so none is set. */
  | { kind: "repeat"; rule: string | null }
);
export type QuickAddTokenKind = QuickAddToken["kind"];

export type ParsedQuickAdd = {
  /** The line without the words of the tokens that set a field. */
  summary: string;
  /** In the order they appear in the line; at most one of each kind. */
  tokens: QuickAddToken[];
};

/** An unknown project or a repetition not understood: shown, so nothing is dropped unseen, but not set. */
export function setsNothing(token: QuickAddToken): boolean {
  return (token.kind === "project" && token.projectId === null) || (token.kind === "repeat" && token.rule === null);
}
