import type { RouterInputs, RouterOutputs } from "@agendacraft/api";
import superjson from "superjson";

type Todoist = RouterOutputs["todoist"];
type TodoistInputs = RouterInputs["todoist"];

/** A refusal as the server words it: `domainError.code` and a message written for people. */
export class TodoistRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus = 400,
  ) {
    super(message);
  }
}

/** What the fake server answers for each todoist.* procedure; a throw of TodoistRefusal is a refusal. */
export type TodoistAnswers = {
  status: () => Todoist["status"];
  connect?: (input: TodoistInputs["connect"]) => Todoist["connect"];
  connectUrl?: (input: TodoistInputs["connectUrl"]) => Todoist["connectUrl"];
  disconnect?: (input: TodoistInputs["disconnect"]) => Todoist["disconnect"];
  sync?: () => Todoist["sync"] | Promise<Todoist["sync"]>;
};

type Call = { procedure: string; input: unknown };

/**
 * A fetch that answers todoist.* calls on the tRPC wire (superjson, batches) from `answers`, and
 * passes every other call to the real test server. The Todoist services are built in another
 * branch; this lets the card be shown in each state it must handle, through the real client,
 * query cache and error mapping. `calls` records what the page asked for.
 */
export function fakeTodoistServer(answers: TodoistAnswers, realFetch: typeof fetch = fetch) {
  const calls: Call[] = [];
  const answerOne = async (procedure: string, input: unknown) => {
    calls.push({ procedure, input });
    const name = procedure.slice("todoist.".length) as keyof TodoistAnswers;
    const answer = answers[name] as ((input: unknown) => unknown) | undefined;
    try {
      if (!answer) throw new Error(`the test gave no answer for ${procedure}`);
      return { result: { data: superjson.serialize(await answer(input)) } };
    } catch (error) {
      return { error: superjson.serialize(errorShape(procedure, error)) };
    }
  };
  const fakeFetch: typeof fetch = async (request, init) => {
    const url = new URL(request instanceof Request ? request.url : String(request));
    const procedures = decodeURIComponent(url.pathname.replace(/^.*\/trpc\//, "")).split(",");
    if (!procedures.some((procedure) => procedure.startsWith("todoist."))) return realFetch(request, init);
    const inputs = readInputs(url, init);
    const items = await Promise.all(
      procedures.map((procedure, index) => {
        const input = inputs[String(index)];
        return procedure.startsWith("todoist.")
          ? answerOne(procedure, input === undefined ? undefined : superjson.deserialize(input as never))
          : forwardOne(realFetch, url, init, procedure, input);
      }),
    );
    return new Response(JSON.stringify(items), { status: 200, headers: { "content-type": "application/json" } });
  };
  return { fetch: fakeFetch, calls };
}

/** The batch's inputs by index, still superjson-encoded: in the query for GET, in the body for POST. */
function readInputs(url: URL, init: RequestInit | undefined): Record<string, unknown> {
  const raw = init?.method === "POST" ? init.body : url.searchParams.get("input");
  return typeof raw === "string" && raw.length > 0 ? (JSON.parse(raw) as Record<string, unknown>) : {};
}

/** One call of a mixed batch, sent to the real server on its own. */
async function forwardOne(
  realFetch: typeof fetch,
  url: URL,
  init: RequestInit | undefined,
  procedure: string,
  input: unknown,
) {
  const single = new URL(url);
  single.pathname = url.pathname.replace(/\/trpc\/.*$/, `/trpc/${procedure}`);
  const body = JSON.stringify(input === undefined ? {} : { 0: input });
  if (init?.method === "POST") {
    const response = await realFetch(single, { ...init, body });
    return ((await response.json()) as unknown[])[0];
  }
  single.searchParams.set("input", body);
  const response = await realFetch(single, init);
  return ((await response.json()) as unknown[])[0];
}

/** The server's error shape (see packages/api/src/errors/format-error.ts) for a refusal or a failure. */
function errorShape(path: string, error: unknown) {
  if (error instanceof TodoistRefusal) {
    return {
      message: error.message,
      code: -32600,
      data: {
        code: "BAD_REQUEST",
        httpStatus: error.httpStatus,
        path,
        domainError: { kind: "INVALID", code: error.code, details: null },
        zodError: null,
      },
    };
  }
  return {
    message: "Internal server error",
    code: -32603,
    data: { code: "INTERNAL_SERVER_ERROR", httpStatus: 500, path, domainError: null, zodError: null },
  };
}
