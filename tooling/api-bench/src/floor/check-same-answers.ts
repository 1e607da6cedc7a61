import type { BenchPerson } from "../database/seed.ts";
import { requests } from "../load/requests.ts";

type Page = { items: { id: string }[]; nextCursor: string | null };

/**
 * The comparison is only fair if both sides do the same work: before any load, the floor
 * must answer the same page (same tasks in the same order, same fields, same cursor) as
 * the app for the same token. Throws, naming the difference, if not.
 */
export async function checkSameAnswers(appUrl: string, floorUrl: string, lister: BenchPerson): Promise<void> {
  const app = requests.appList(appUrl, lister.token);
  const floor = requests.floorList(floorUrl, lister.token);
  const [appBody, floorPage] = await Promise.all([getJson(app.url, lister.token), getJson(floor.url, lister.token)]);
  const appPage = (appBody as { result: { data: { json: Page } } }).result.data.json;
  const page = floorPage as Page;
  const ids = (p: Page) => p.items.map((item) => item.id).join(",");
  const fields = (p: Page) =>
    Object.keys(p.items[0] ?? {})
      .sort()
      .join(",");
  const differences = [
    ids(appPage) !== ids(page) && `tasks: app ${appPage.items.length}, floor ${page.items.length}, or another order`,
    fields(appPage) !== fields(page) && `fields: app ${fields(appPage)}; floor ${fields(page)}`,
    appPage.nextCursor !== page.nextCursor && `next cursor: app ${appPage.nextCursor}, floor ${page.nextCursor}`,
  ].filter(Boolean);
  if (differences.length > 0 || appPage.items.length !== 50) {
    throw new Error(`the floor does not answer what the app does: ${differences.join("; ") || "not 50 tasks"}`);
  }
  console.log(`   checked: app and floor list the same ${appPage.items.length} tasks, fields and next cursor`);
}

async function getJson(url: string, token: string): Promise<unknown> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}
