import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { buttonClass } from "../../ui/button.ts";
import { inputClass } from "../../ui/field.tsx";

export type NewTokenSecret = { name: string; secret: string };

/** The one time a token's secret is shown, with a way to copy it. */
export function TokenSecretBox({ token, onDone }: { token: NewTokenSecret; onDone: () => void }) {
  const secretRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);

  // Focus lands on the secret, selected, so it is announced and ready to copy by keyboard.
  useEffect(() => {
    secretRef.current?.focus();
    secretRef.current?.select();
  }, []);

  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(token.secret);
      setCopied(true);
    } catch {
      toast.error("Could not copy. Select the token and copy it yourself.");
    }
  };

  return (
    <section aria-label="New token" className="rounded-md border border-amber-300 bg-amber-50 p-3">
      <p className="text-sm font-medium text-amber-950">Token “{token.name}” created</p>
      <p className="mt-1 text-sm text-amber-900">Copy it now; it will not be shown again.</p>
      <div className="mt-2 flex flex-col gap-2 sm:flex-row">
        <input
          ref={secretRef}
          readOnly
          aria-label="Token secret"
          className={`${inputClass} min-w-0 flex-1 font-mono`}
          value={token.secret}
          onFocus={(event) => event.target.select()}
        />
        <div className="flex gap-2">
          <button type="button" className={buttonClass.secondary} onClick={() => void copy()}>
            {copied ? "Copied" : "Copy"}
          </button>
          <button type="button" className={buttonClass.primary} onClick={onDone}>
            Done
          </button>
        </div>
      </div>
      <p role="status" className="sr-only">
        {copied ? "Token copied to the clipboard" : ""}
      </p>
    </section>
  );
}
