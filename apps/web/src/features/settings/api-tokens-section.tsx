import { useRef, useState } from "react";
import { ApiTokenList } from "./api-token-list.tsx";
import { CreateTokenForm } from "./create-token-form.tsx";
import { type NewTokenSecret, TokenSecretBox } from "./token-secret-box.tsx";

/**
 * Create, list and revoke personal API tokens. A new token's secret lives only in this
 * component's state: once dismissed it is gone, as the server keeps only its hash.
 */
export function ApiTokensSection() {
  const [created, setCreated] = useState<NewTokenSecret | null>(null);
  const nameInputRef = useRef<HTMLInputElement>(null);
  return (
    <div className="flex flex-col gap-5">
      {created ? (
        <TokenSecretBox
          token={created}
          onDone={() => {
            setCreated(null);
            nameInputRef.current?.focus();
          }}
        />
      ) : null}
      <CreateTokenForm nameInputRef={nameInputRef} onCreated={setCreated} />
      <ApiTokenList />
    </div>
  );
}
