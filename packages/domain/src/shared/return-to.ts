import { ZText } from "./text.ts";

/**
 * Where a consent page (Google's, Todoist's) sends the browser back to: a path in this app.
 * "/" then anything but a second "/" or a backslash (browsers read "//evil.example" as another
 * site); ZText refuses NUL and other characters no path has.
 */
export const ZReturnTo = ZText.trim()
  .max(500, "That path is too long")
  .regex(/^\/([^/\\\s]\S*)?$/, "Give a path inside the app, starting with /");
