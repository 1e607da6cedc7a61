import type { HttpRequest } from "./materialize-request.ts";

export const shorten = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max)}... (${text.length} characters)` : text;

/** The inputs a batch sent to `procedure` (a batch's own text can be long; these are what matters). */
function batchInputsFor(request: HttpRequest, procedure: string): string[] {
  const [path = "", query = ""] = request.path.split("?");
  if (!new URLSearchParams(query).has("batch")) return [];
  const paths = decodeURIComponent(path.replace(/^\/trpc\//, "")).split(",");
  let inputs: unknown;
  try {
    inputs = JSON.parse(request.body ?? new URLSearchParams(query).get("input") ?? "");
  } catch {
    return [];
  }
  return paths.flatMap((name, index) =>
    name === procedure
      ? [
          `input ${index}: ${shorten(JSON.stringify((inputs as Record<number, unknown>)?.[index]) ?? "undefined", 1500)}`,
        ]
      : [],
  );
}

/** A request as it can be read in a CI log: session cookie and token secrets masked, long parts cut. */
export function describeRequest(request: HttpRequest, procedure: string | null = null): string {
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [
      name,
      shorten(
        value.replace(/session_token=[^;]+/, "session_token=<fuzz session>").replace(/act_[\w-]{20,}/, "act_<secret>"),
        200,
      ),
    ]),
  );
  const lines = [`${request.method} ${shorten(request.path, 1500)}`, `headers: ${JSON.stringify(headers)}`];
  if (request.body !== null) lines.push(`body: ${shorten(request.body, 1500)}`);
  if (procedure) lines.push(...batchInputsFor(request, procedure));
  return lines.join("\n      ");
}
