import { useState } from "react";

/** Per person and per browser: dismissing the checklist is a matter of taste, not data. */
const storageKey = (userId: string) => `agendacraft:first-run-checklist-dismissed:${userId}`;

function readDismissed(userId: string): boolean {
  try {
    return window.localStorage.getItem(storageKey(userId)) === "1";
  } catch {
    // Storage can be off (private mode, policy): then the checklist just shows again next time.
    return false;
  }
}

/** Whether this person has put the checklist away in this browser, and a way to do so. */
export function useChecklistDismissal(userId: string): [dismissed: boolean, dismiss: () => void] {
  const [dismissed, setDismissed] = useState(() => readDismissed(userId));
  const dismiss = () => {
    setDismissed(true);
    try {
      window.localStorage.setItem(storageKey(userId), "1");
    } catch {
      // Hidden for this visit all the same.
    }
  };
  return [dismissed, dismiss];
}
