import { useCallback, useMemo, useState } from "react";
import type { ParsedQuickAdd, QuickAddToken } from "./quick-add-token.ts";
import { useQuickAddParser } from "./use-quick-add-parser.ts";

type QuickAddLineOptions = {
  /** The summary field as typed. */
  line: string;
  timeZone: string;
  projects: readonly { id: string; name: string }[];
  /** The form's Deadline field is filled, so a repeating line needs no day of its own. */
  hasDeadline: boolean;
};

/**
 * The quick-add line read into fields as it is typed, and the tokens the person removed
 * (whose words then stay in the summary). `parse` reads any line the same way, for the submit.
 */
export function useQuickAddLine({ line, timeZone, projects, hasDeadline }: QuickAddLineOptions) {
  const parser = useQuickAddParser();
  const [kept, setKept] = useState<ReadonlySet<string>>(() => new Set());

  const parse = useCallback(
    (text: string): ParsedQuickAdd | null =>
      parser && text.trim() !== ""
        ? parser.parseQuickAdd(text, { now: new Date(), timeZone, projects, kept, dueOnFirstRepeat: !hasDeadline })
        : null,
    [parser, timeZone, projects, kept, hasDeadline],
  );
  const parsed = useMemo(() => parse(line), [parse, line]);

  return {
    parsed,
    parse,
    describe: (token: QuickAddToken) => parser?.describeToken(token, timeZone) ?? token.text,
    keep: (token: QuickAddToken) => {
      if (parser) setKept((previous) => new Set(previous).add(parser.tokenKey(token)));
    },
    /** After an add: the next line starts with nothing removed. */
    clearKept: () => setKept(new Set()),
  };
}
