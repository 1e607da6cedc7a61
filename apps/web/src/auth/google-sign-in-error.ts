/**
 * Words for the `error` better-auth puts on the sign-in page's address when "Continue with
 * Google" ends there instead of in the app.
 */
export function describeGoogleSignInError(code: string): string {
  switch (code) {
    case "account_not_linked":
      return "An account with this email already exists. Sign in with your password, then link Google in Settings to use it next time.";
    case "access_denied":
      return "Google sign-in was cancelled. Nothing was changed.";
    default:
      return "Signing in with Google did not work. Try again, or sign in with your email and password.";
  }
}

/** Words for the `error` on the Settings page's address when linking Google did not work. */
export function describeGoogleLinkError(code: string): string {
  switch (code) {
    case "email_does_not_match":
      return "That Google account has another email address than this account. Choose the Google account with the same email.";
    case "account_already_linked_to_different_user":
      return "That Google account already signs in to another AgendaCraft account.";
    case "access_denied":
      return "Linking Google was cancelled. Nothing was changed.";
    default:
      return "Linking Google did not work. Try again.";
  }
}
