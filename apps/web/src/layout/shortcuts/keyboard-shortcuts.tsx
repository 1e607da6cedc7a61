import { useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { findQuickAdd, focusQuickAddWhenShown } from "./focus-quick-add.ts";
import { dialogOpen, isTyping } from "./is-typing.ts";
import { GO_TO, SEQUENCE_MS } from "./shortcut-list.ts";
import { ShortcutsHelpDialog } from "./shortcuts-help-dialog.tsx";
import { submitOnEnter } from "./submit-on-enter.ts";

/**
 * The app's keyboard shortcuts (see shortcut-list.ts), listened for on the whole document
 * while signed in. Letters are ignored while the person types in a field, holds Ctrl, Cmd or
 * Alt (the browser's and the screen reader's keys), or a dialog is open.
 */
export function KeyboardShortcuts() {
  const navigate = useNavigate();
  const [helpOpen, setHelpOpen] = useState(false);
  const goPressedAt = useRef(0);

  useEffect(() => {
    let stopWaiting = () => {};
    function onKeyDown(event: KeyboardEvent) {
      submitOnEnter(event);
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target) || dialogOpen()) return;
      const afterGo = Date.now() - goPressedAt.current < SEQUENCE_MS;
      goPressedAt.current = 0;
      const destination = afterGo ? GO_TO[event.key] : undefined;
      if (destination) {
        event.preventDefault();
        void navigate(destination);
        return;
      }
      switch (event.key) {
        case "g":
          goPressedAt.current = Date.now();
          return;
        case "q":
          event.preventDefault();
          // Quick add lives on the inbox; from a page without it, go there first.
          if (!findQuickAdd()) void navigate("/inbox");
          stopWaiting();
          stopWaiting = focusQuickAddWhenShown();
          return;
        case "?":
          event.preventDefault();
          setHelpOpen(true);
          return;
      }
    }
    document.addEventListener("keydown", onKeyDown);
    return () => {
      stopWaiting();
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [navigate]);

  return helpOpen ? <ShortcutsHelpDialog onClose={() => setHelpOpen(false)} /> : null;
}
