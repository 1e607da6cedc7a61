import { useEffect, useState } from "react";

export type QuickAddParser = typeof import("./quick-add-parser.ts");

/** The quick-add parser once its chunk has loaded; null until then (or if it cannot load). */
export function useQuickAddParser(): QuickAddParser | null {
  const [parser, setParser] = useState<QuickAddParser | null>(null);
  useEffect(() => {
    let mounted = true;
    import("./quick-add-parser.ts").then(
      (loaded) => {
        if (mounted) setParser(loaded);
      },
      // Without the parser the line is saved as typed, as before natural-language input existed.
      () => undefined,
    );
    return () => {
      mounted = false;
    };
  }, []);
  return parser;
}
