import { useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { readTodoistReturn, TODOIST_RETURN_PARAMS, type TodoistReturn } from "./todoist-return.ts";

/**
 * After Todoist's consent page sends the browser back (`/settings?todoist=...`), says how it went
 * and takes the parameters out of the address, so a reload or a shared link does not repeat it.
 */
export function TodoistReturnNotice() {
  const [searchParams, setSearchParams] = useSearchParams();
  const [notice, setNotice] = useState<TodoistReturn | null>(() => readTodoistReturn(searchParams));
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const read = readTodoistReturn(searchParams);
    if (!read) return;
    setNotice(read);
    ref.current?.scrollIntoView?.({ block: "center" });
    setSearchParams(
      (params) => {
        for (const name of TODOIST_RETURN_PARAMS) params.delete(name);
        return params;
      },
      { replace: true },
    );
  }, [searchParams, setSearchParams]);

  if (!notice) return null;
  const look =
    notice.tone === "success"
      ? "border-emerald-200 bg-emerald-50 text-emerald-900"
      : "border-red-200 bg-red-50 text-red-900";
  return (
    <div
      ref={ref}
      role={notice.tone === "success" ? "status" : "alert"}
      className={`flex items-start justify-between gap-3 rounded-md border px-3 py-2 text-sm ${look}`}
    >
      <p>{notice.message}</p>
      <button type="button" className="shrink-0 underline" onClick={() => setNotice(null)}>
        Dismiss
      </button>
    </div>
  );
}
