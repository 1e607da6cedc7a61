import { useMe } from "../../auth/require-session.tsx";
import { ConnectionsSection } from "../connections/connections-section.tsx";
import { NotificationSettingsForm } from "../notifications/notification-settings-form.tsx";
import { ApiTokensSection } from "./api-tokens-section.tsx";
import { DeleteAccountForm } from "./delete-account-form.tsx";
import { LinkGoogleSection } from "./link-google.tsx";
import { PasswordForm } from "./password-form.tsx";
import { ProfileForm } from "./profile-form.tsx";
import { SetPasswordForm } from "./set-password-form.tsx";
import { SettingsSection } from "./settings-section.tsx";
import { SignOutEverywhere } from "./sign-out-everywhere.tsx";

/** The person's account: profile, password, API tokens, calendars, reminders, sessions, deletion. */
export function SettingsPage() {
  // An account made with Google has no password to change: it can set one.
  const { hasPassword } = useMe();
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <h1 className="text-xl font-semibold">Settings</h1>
      <SettingsSection title="Profile">
        <ProfileForm />
      </SettingsSection>
      <SettingsSection title="Password">{hasPassword ? <PasswordForm /> : <SetPasswordForm />}</SettingsSection>
      <LinkGoogleSection />
      <SettingsSection
        title="API tokens"
        description="Personal tokens let scripts use AgendaCraft as you, with an Authorization: Bearer header."
      >
        <ApiTokensSection />
      </SettingsSection>
      <SettingsSection
        id="connections"
        title="Connections"
        description="Your calendars: plans go around their events, the week view shows them, and planned tasks can be written to Google Calendar. Todoist: your projects and tasks, planned here and kept in step with Todoist."
      >
        <ConnectionsSection />
      </SettingsSection>
      <SettingsSection title="Notifications" description="Reminders before a scheduled task starts.">
        <NotificationSettingsForm />
      </SettingsSection>
      <SettingsSection title="Sessions">
        <SignOutEverywhere />
      </SettingsSection>
      <SettingsSection title="Delete account">
        <DeleteAccountForm />
      </SettingsSection>
    </div>
  );
}
