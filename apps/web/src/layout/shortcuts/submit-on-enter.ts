/**
 * Browsers submit a form on Enter only from text fields; Enter on a select or a checkbox does
 * nothing. This makes Enter submit from those too. Text areas keep Enter for new lines, and
 * buttons and links keep their own meaning.
 */
export function submitOnEnter(event: KeyboardEvent) {
  if (event.key !== "Enter" || event.defaultPrevented || event.isComposing) return;
  if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
  const target = event.target;
  const submitsByItself = target instanceof HTMLInputElement && target.type !== "checkbox" && target.type !== "radio";
  if (!(target instanceof HTMLSelectElement || target instanceof HTMLInputElement) || submitsByItself) return;
  const form = target.form;
  if (!form) return;
  event.preventDefault();
  form.requestSubmit();
}
