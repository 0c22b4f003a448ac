/**
 * Group commit for a hot write: items that arrive while `maxInFlight` writes are already running wait, and
 * go in together as one write when a slot frees up. Under load, many requests then share one statement's
 * start, one commit and one round trip; alone, an item is written at once, as before. Items go together only
 * with items of the same `groupOf`, at most `maxGroup` at a time.
 *
 * `writeTogether` writes its items all or none. When a write of several fails (say one of them repeats a
 * unique key), each is written again alone, one after the other in the same slot, so one bad item never
 * fails the others, each caller gets the answer it would have had on its own, and the retries keep to
 * `maxInFlight`.
 */
export function groupCommit<Item, Result>(options: {
  writeTogether: (items: Item[]) => Promise<Result>;
  groupOf: (item: Item) => unknown;
  maxInFlight: number;
  maxGroup: number;
}): (item: Item) => Promise<Result> {
  type Waiting = {
    item: Item;
    group: unknown;
    resolve: (result: Result) => void;
    reject: (error: unknown) => void;
  };
  const { writeTogether, groupOf, maxInFlight, maxGroup } = options;
  let queue: Waiting[] = [];
  let inFlight = 0;

  // A write that throws before it returns a promise fails like one that rejects.
  const attempt = async (group: Waiting[]) => writeTogether(group.map((waiting) => waiting.item));

  async function write(group: Waiting[]) {
    try {
      const result = await attempt(group);
      for (const waiting of group) waiting.resolve(result);
      return;
    } catch (error) {
      if (group.length === 1) return group[0]!.reject(error);
    }
    for (const waiting of group) await attempt([waiting]).then(waiting.resolve, waiting.reject);
  }

  function takeGroup(): Waiting[] {
    const first = queue[0]!.group;
    const group: Waiting[] = [];
    const rest: Waiting[] = [];
    for (const waiting of queue)
      (group.length < maxGroup && waiting.group === first ? group : rest).push(waiting);
    queue = rest;
    return group;
  }

  function next() {
    while (inFlight < maxInFlight && queue.length > 0) {
      const group = takeGroup();
      inFlight++;
      void write(group).finally(() => {
        inFlight--;
        next();
      });
    }
  }

  return (item) =>
    new Promise<Result>((resolve, reject) => {
      // Worked out before the item waits: if it throws, only this caller hears of it.
      queue.push({ item, group: groupOf(item), resolve, reject });
      next();
    });
}
