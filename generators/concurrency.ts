/**
 * A bounded pool: run an async task over items with at most `limit` at once.
 */

/**
 * Call `task` for every item, at most `limit` at a time, in item order as slots free up. No new
 * item starts once `stop()` returns true; items never started have no result (`undefined`).
 * Results are in item order.
 */
export async function mapConcurrently<Item, Result>(
  items: readonly Item[],
  limit: number,
  task: (item: Item, index: number) => Promise<Result>,
  stop: () => boolean = () => false,
): Promise<(Result | undefined)[]> {
  const results: (Result | undefined)[] = new Array(items.length).fill(undefined);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !stop()) {
      const index = next;
      next += 1;
      results[index] = await task(items[index] as Item, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(limit, 1), items.length) }, worker));
  return results;
}
