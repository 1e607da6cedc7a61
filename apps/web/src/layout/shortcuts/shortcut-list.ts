/**
 * Every keyboard shortcut, in one list: the help dialog (`?`) shows exactly this, and the
 * README's "Keyboard shortcuts" table copies it.
 */
export type Shortcut = {
  keys: readonly string[];
  /** Pressed together (Alt+T) rather than one after the other (g then i). */
  together?: boolean;
  action: string;
};

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ["q"], action: "Add a task: jumps to quick add from any page" },
  { keys: ["?"], action: "Show these shortcuts" },
  { keys: ["g", "t"], action: "Go to Today" },
  { keys: ["g", "u"], action: "Go to Upcoming" },
  { keys: ["g", "i"], action: "Go to Inbox" },
  { keys: ["g", "w"], action: "Go to Week" },
  { keys: ["g", "p"], action: "Go to Projects" },
  { keys: ["g", "l"], action: "Go to Planners" },
  { keys: ["g", "s"], action: "Go to Settings" },
  { keys: ["Enter"], action: "Submit the form, from any of its fields (selects too; not in a description)" },
  { keys: ["Escape"], action: "Close the dialog or cancel the edit; focus goes back where it was" },
  { keys: ["Alt", "T"], together: true, action: "Jump to the notifications at the bottom (Undo is there)" },
];

/** Where `g` then a letter goes. */
export const GO_TO: Readonly<Record<string, string>> = {
  t: "/today",
  u: "/upcoming",
  i: "/inbox",
  w: "/week",
  p: "/projects",
  l: "/planners",
  s: "/settings",
};

/** How long after `g` the second key still counts. */
export const SEQUENCE_MS = 1_500;
