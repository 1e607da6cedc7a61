/** A few lines of fetch the tests use to speak to the fake as a Todoist client would. */
export type Answer<T = Record<string, unknown>> = { status: number; body: T; headers: Headers };

export function todoistClient(baseUrl: string, token: string) {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<Answer<T>> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
  };
  return {
    get: <T = Record<string, unknown>>(path: string) => call<T>("GET", path),
    post: <T = Record<string, unknown>>(path: string, body?: unknown) => call<T>("POST", path, body),
    sync: <T = Record<string, unknown>>(body: Record<string, unknown>) => call<T>("POST", "/api/v1/sync", body),
  };
}
