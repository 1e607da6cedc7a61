import type { RouterOutputs } from "@agendacraft/api";
import { formatDuration } from "@agendacraft/client/format-duration";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "./trpc.ts";

// Often enough to notice a restart or a lost database while the page is open, rare enough to cost nothing.
const REFRESH_INTERVAL_MS = 10_000;

type Health = RouterOutputs["meta"]["health"];
type Readiness = RouterOutputs["meta"]["ready"];

/** Liveness and readiness of the server this page talks to, refreshed while the page is visible. */
export function ServerStatus() {
  const trpc = useTRPC();
  const health = useQuery(trpc.meta.health.queryOptions(undefined, { refetchInterval: REFRESH_INTERVAL_MS }));
  const readiness = useQuery(trpc.meta.ready.queryOptions(undefined, { refetchInterval: REFRESH_INTERVAL_MS }));

  const retry = () => {
    void health.refetch();
    void readiness.refetch();
  };

  return (
    <section className="server-status" aria-labelledby="server-status-heading">
      <h2 id="server-status-heading">Server</h2>
      {health.isError || readiness.isError ? (
        <div role="alert" className="server-status__error">
          <p>Cannot reach the server.</p>
          <button type="button" onClick={retry} disabled={health.isFetching || readiness.isFetching}>
            Retry
          </button>
        </div>
      ) : health.data === undefined || readiness.data === undefined ? (
        <p role="status">Checking the server…</p>
      ) : (
        <>
          <HealthSummary health={health.data} />
          <ReadinessSummary readiness={readiness.data} />
        </>
      )}
    </section>
  );
}

function HealthSummary({ health }: { health: Health }) {
  return (
    <dl className="server-status__facts">
      <dt>Version</dt>
      <dd>{health.version}</dd>
      <dt>Uptime</dt>
      <dd>{formatDuration(health.uptimeSeconds)}</dd>
    </dl>
  );
}

function ReadinessSummary({ readiness }: { readiness: Readiness }) {
  return (
    <>
      <h3>Readiness: {readiness.ready ? "ready" : "not ready"}</h3>
      <ul className="server-status__checks">
        {readiness.checks.map((check) => (
          <li key={check.name} data-ok={check.ok}>
            <span className="server-status__check-name">{check.name}</span> <span>{check.ok ? "ok" : "failed"}</span>
            {check.detail ? <span className="server-status__check-detail"> — {check.detail}</span> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
