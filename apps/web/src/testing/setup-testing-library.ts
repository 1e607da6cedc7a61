import { cleanup, configure } from "@testing-library/react";
import { toast } from "sonner";
import { afterEach } from "vitest";

// Screens here talk to a real server process, which a busy CI machine can slow well past
// Testing Library's 1 s default; waiting longer only costs time when something is wrong.
configure({ asyncUtilTimeout: 10_000 });

// Test files share one worker and its DOM (isolate: false): whatever a test rendered, and any
// toast it raised (sonner keeps them in a module-level store), goes before the next test.
afterEach(() => {
  cleanup();
  toast.dismiss();
});

// jsdom has no pointer capture, which sonner's toast calls when its buttons are pressed. Only
// set when missing (typed as always present, hence the cast); files run in node have no DOM.
if (typeof Element !== "undefined") {
  const element = Element.prototype as Partial<Element>;
  element.setPointerCapture ??= () => {};
}
