// What the quick add loads on first use: chrono-node and the recurrence rules are too big for
// the first download, and the form works as a plain summary field until they arrive.
export { describeToken } from "./describe-token.ts";
export { type ParsedQuickAdd, parseQuickAdd, type QuickAddToken, tokenKey } from "./parse-quick-add.ts";
