/** Whether a key press belongs to something the person is typing into, not to the page. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
}

/** A modal dialog is open: page shortcuts wait until it closes. */
export function dialogOpen(): boolean {
  return document.querySelector("dialog[open]") !== null;
}
