import type { AuthorizationFailure, AuthorizationRequest } from "./authorization-request.ts";
import { isSignInScope, scopeLabel } from "./scopes.ts";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

const STYLE = `body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#202124}
h1{font-size:1.4rem}fieldset{border:1px solid #dadce0;border-radius:8px;margin:1rem 0}label{display:block;margin:.4rem 0}
input[type=text],input[type=email]{width:100%;padding:.4rem}button{padding:.5rem 1.2rem;margin-right:.5rem}
.fake{background:#fef7e0;padding:.5rem;border-radius:4px;font-size:.85rem}`;

/**
 * The consent screen: which account to use (any email: a new one becomes an account with a
 * primary calendar), and a checkbox per requested scope, ticked, as on Google's granular
 * consent screen. Sign-in scopes have no checkbox: Google always grants them.
 */
export function consentPage(request: AuthorizationRequest, account: { email: string; name: string }): string {
  const always = request.scopes
    .filter(isSignInScope)
    .map((scope) => `<li>${escapeHtml(scopeLabel(scope))}</li>`)
    .join("\n");
  const optional = request.scopes
    .filter((scope) => !isSignInScope(scope))
    .map(
      (scope) =>
        `<label><input type="checkbox" name="scope" value="${escapeHtml(scope)}" checked> ${escapeHtml(scopeLabel(scope))}</label>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in - Google Accounts (fake)</title><style>${STYLE}</style></head>
<body>
<p class="fake">AgendaCraft's fake Google: nothing here reaches Google.</p>
<h1>Choose what the app can access</h1>
<form method="post" action="/o/oauth2/v2/auth/decision">
<input type="hidden" name="request" value="${escapeHtml(request.id)}">
<fieldset><legend>Account</legend>
<label>Email <input type="email" name="email" value="${escapeHtml(account.email)}" required></label>
<label>Name <input type="text" name="name" value="${escapeHtml(account.name)}"></label>
</fieldset>
<fieldset><legend>Permissions</legend>
${always ? `<ul>${always}</ul>` : ""}
${optional}
</fieldset>
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="cancel">Cancel</button>
</form>
</body></html>`;
}

export function errorPage(failure: AuthorizationFailure): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Error ${failure.status}: ${escapeHtml(failure.error)}</title><style>${STYLE}</style></head>
<body><h1>Access blocked: authorization error</h1>
<p>Error ${failure.status}: <code>${escapeHtml(failure.error)}</code></p><p>${escapeHtml(failure.description)}</p></body></html>`;
}
