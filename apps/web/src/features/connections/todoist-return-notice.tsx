import { OAuthReturnNotice } from "./oauth-return-notice.tsx";
import { readTodoistReturn, TODOIST_RETURN_PARAMS } from "./todoist-return.ts";

/** How "Connect with Todoist" went, after Todoist sends the browser back (`/settings?todoist=...`). */
export function TodoistReturnNotice() {
  return <OAuthReturnNotice read={readTodoistReturn} params={TODOIST_RETURN_PARAMS} />;
}
