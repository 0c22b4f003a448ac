/**
 * Group commit for a hot write: items that arrive while `maxInFlight` writes are already running wait, and
 * go in together as one write when a slot frees up. Under load, many requests then share one statement's
 * start, one commit and one round trip; alone, an item is written at once, as before. Items go together only
 * with items of the same `groupOf`, at most `maxGroup` at a time.
 *
 * `writeTogether` writes its items all or none. When a write of several fails (say one of them repeats a
 * unique key), each is written again alone, so one bad item never fails the others and each caller gets
 * the answer it would have had on its own.
 */
export function groupCommit<Item, Result>(options: {
  writeTogether: (items: Item[]) => Promise<Result>;
  groupOf: (item: Item) => unknown;
  maxInFlight: number;
  maxGroup: number;
}): (item: Item) => Promise<Result> {
  type Waiting = { item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void };
  const { writeTogether, groupOf, maxInFlight, maxGroup } = options;
  let queue: Waiting[] = [];
  let inFlight = 0;

  const writeAlone = (waiting: Waiting) =>
    writeTogether([waiting.item]).then(waiting.resolve, waiting.reject);

  async function write(group: Waiting[]) {
    if (group.length === 1) return writeAlone(group[0]!);
    let result: Result;
    try {
      result = await writeTogether(group.map((waiting) => waiting.item));
    } catch {
      await Promise.all(group.map(writeAlone));
      return;
    }
    for (const waiting of group) waiting.resolve(result);
  }

  function takeGroup(): Waiting[] {
    const key = groupOf(queue[0]!.item);
    const group: Waiting[] = [];
    const rest: Waiting[] = [];
    for (const waiting of queue)
      (group.length < maxGroup && groupOf(waiting.item) === key ? group : rest).push(waiting);
    queue = rest;
    return group;
  }

  function next() {
    while (inFlight < maxInFlight && queue.length > 0) {
      inFlight++;
      void write(takeGroup()).finally(() => {
        inFlight--;
        next();
      });
    }
  }

  return (item) =>
    new Promise<Result>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      next();
    });
}
