/**
 * The quick add's summary field. Quick add marks it with `data-shortcut-target="quick-add"`;
 * the form labelled by #quick-add-heading is the fallback.
 */
export function findQuickAdd(): HTMLElement | null {
  return (
    document.querySelector<HTMLElement>('[data-shortcut-target="quick-add"]') ??
    document.querySelector<HTMLElement>('form[aria-labelledby="quick-add-heading"] input:not([type="hidden"])')
  );
}

const WAIT_MS = 5_000;

/**
 * Focuses quick add once it is on the page: at once when it already is, otherwise when the
 * page that holds it has rendered (after navigating there). Gives up after a few seconds.
 */
export function focusQuickAddWhenShown(): () => void {
  const now = findQuickAdd();
  if (now) {
    now.focus();
    return () => {};
  }
  const observer = new MutationObserver(() => {
    const field = findQuickAdd();
    if (!field) return;
    stop();
    field.focus();
  });
  const timer = window.setTimeout(() => stop(), WAIT_MS);
  function stop() {
    observer.disconnect();
    window.clearTimeout(timer);
  }
  observer.observe(document.body, { childList: true, subtree: true });
  return stop;
}
