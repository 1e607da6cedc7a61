import { type ReactNode, useId } from "react";

type SettingsSectionProps = {
  title: string;
  description?: string;
  /** An anchor to link to (`/settings#connections`). */
  id?: string;
  children: ReactNode;
};

/** One titled card of the Settings page; a landmark named by its heading. */
export function SettingsSection({ title, description, id, children }: SettingsSectionProps) {
  const headingId = useId();
  return (
    <section id={id} aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
      <h2 id={headingId} className="text-lg font-semibold">
        {title}
      </h2>
      {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      <div className="mt-4">{children}</div>
    </section>
  );
}
