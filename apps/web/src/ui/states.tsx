import type { ReactNode } from "react";
import { describeError } from "../errors/describe-error.ts";
import { buttonClass } from "./button.ts";

/** Shown while a list or page loads; announced politely to screen readers. */
export function Loading({ label = "Loading…" }: { label?: string }) {
  return (
    <p role="status" className="py-6 text-center text-sm text-slate-500">
      {label}
    </p>
  );
}

/** Shown when a list has nothing in it, with the next thing to do. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center">
      <p className="font-medium text-slate-700">{title}</p>
      {children ? <div className="mt-1 text-sm text-slate-500">{children}</div> : null}
    </div>
  );
}

/** A query that failed: its message and a way to try again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
      <p>{describeError(error).message}</p>
      <button type="button" className={`${buttonClass.secondary} mt-2`} onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
