import { useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import type { OAuthReturn } from "./oauth-return.ts";

/**
 * After a consent page (Google's, Todoist's) sends the browser back (`/settings?google=...`),
 * says how it went and takes the parameters out of the address, so a reload or a shared link
 * does not repeat it. `read` turns the parameters into the notice; `params` are the ones to remove.
 */
export function OAuthReturnNotice({
  read,
  params,
}: {
  read: (search: URLSearchParams) => OAuthReturn | null;
  params: readonly string[];
}) {
  const [searchParams, setSearchParams] = useSearchParams();
  const [notice, setNotice] = useState<OAuthReturn | null>(() => read(searchParams));
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const found = read(searchParams);
    if (!found) return;
    setNotice(found);
    ref.current?.scrollIntoView?.({ block: "center" });
    setSearchParams(
      (current) => {
        for (const name of params) current.delete(name);
        return current;
      },
      { replace: true },
    );
  }, [searchParams, setSearchParams, read, params]);

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
