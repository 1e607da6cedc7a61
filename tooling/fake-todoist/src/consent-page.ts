const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

const STYLE = `body{font-family:system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#202020}
h1{font-size:1.4rem}label{display:block;margin:.6rem 0}input{width:100%;padding:.4rem}button{padding:.5rem 1.2rem;margin-right:.5rem}
.fake{background:#fef7e0;padding:.5rem;border-radius:4px;font-size:.85rem}`;

/** Todoist's "Access request" page: which account, what the app asks for, Agree or Cancel. */
export function consentPage(consentId: string, scope: string, email: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Access request - Todoist (fake)</title><style>${STYLE}</style></head>
<body>
<p class="fake">AgendaCraft's fake Todoist: nothing here reaches Todoist.</p>
<h1>AgendaCraft would like to access your Todoist data</h1>
<p>Permissions asked: <code>${escapeHtml(scope)}</code></p>
<form method="post" action="/oauth/authorize/decision">
<input type="hidden" name="consent" value="${escapeHtml(consentId)}">
<label>Account email <input type="email" name="email" value="${escapeHtml(email)}" required></label>
<button type="submit" name="decision" value="agree">Agree</button>
<button type="submit" name="decision" value="cancel" formnovalidate>Cancel</button>
</form>
</body></html>`;
}

export function errorPage(status: number, message: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Error ${status} - Todoist (fake)</title><style>${STYLE}</style></head>
<body><h1>Something went wrong</h1><p>${escapeHtml(message)}</p></body></html>`;
}
