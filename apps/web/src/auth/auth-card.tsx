import type { ReactNode } from "react";

/** What a visitor learns before deciding to sign up: the product in one sentence. */
export const PRODUCT_PITCH =
  "AgendaCraft plans your week for you: add tasks, set your working hours, and it places each task into free time around your calendar.";

/** The centred card the signed-out pages share, saying what AgendaCraft does above the form. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-50 px-4">
      <div className="flex w-full max-w-sm flex-col gap-5 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <div className="flex flex-col gap-2">
          <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
          <p className="text-sm text-slate-600">{PRODUCT_PITCH}</p>
        </div>
        {children}
      </div>
    </main>
  );
}
