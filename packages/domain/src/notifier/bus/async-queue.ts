/**
 * A push-to-pull buffer: producers `push`, one consumer iterates. Ends on `end()`, and
 * also when more than `limit` items wait (a consumer that far behind reconnects and
 * catches up from the database instead of holding memory).
 */
export function createAsyncQueue<T>(limit: number) {
  const items: T[] = [];
  let ended = false;
  let wake: (() => void) | undefined;

  function end() {
    ended = true;
    wake?.();
  }

  return {
    push(item: T) {
      if (ended) return;
      if (items.length >= limit) {
        end();
        return;
      }
      items.push(item);
      wake?.();
    },
    end,
    get ended() {
      return ended;
    },
    async *drain(): AsyncGenerator<T> {
      for (;;) {
        const next = items.shift();
        if (next !== undefined) {
          yield next;
          continue;
        }
        if (ended) return;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = undefined;
      }
    },
  };
}
