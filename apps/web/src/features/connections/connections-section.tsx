import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../trpc.ts";
import { AddCalendarFeedForm } from "../calendars/add-calendar-feed-form.tsx";
import { ConnectGoogleButton } from "./connect-google-button.tsx";
import { ConnectionList } from "./connection-list.tsx";
import { GoogleReturnNotice } from "./google-return-notice.tsx";
import { TodoistCard } from "./todoist-card.tsx";
import { TodoistReturnNotice } from "./todoist-return-notice.tsx";

/**
 * Settings → Connections: Google accounts and iCal feeds in one list, then Todoist. Google's
 * button shows only when the server is set up for Google (`iam.authProviders`, the sign-in
 * page's signal too).
 */
export function ConnectionsSection() {
  const trpc = useTRPC();
  const providers = useQuery(trpc.iam.authProviders.queryOptions());
  const googleAvailable = providers.data?.google === true;
  return (
    <div className="flex flex-col gap-5">
      <GoogleReturnNotice />
      <TodoistReturnNotice />
      {googleAvailable ? (
        <div className="flex flex-col items-start gap-1">
          <ConnectGoogleButton label="Connect Google Calendar" />
          <p className="text-xs text-slate-600">
            Read busy time from your Google calendars and write planned tasks back. You can connect several accounts.
          </p>
        </div>
      ) : null}
      <ConnectionList googleAvailable={googleAvailable} />
      <div className="flex flex-col gap-3 border-t border-slate-200 pt-4">
        <h3 className="text-sm font-semibold text-slate-800">Add a calendar by its iCal address</h3>
        <AddCalendarFeedForm />
      </div>
      <TodoistCard />
    </div>
  );
}
