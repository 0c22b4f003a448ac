import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupCommit } from './group-commit.ts';

type Item = { name: string; group?: string; fails?: boolean };

/** A store whose writes finish only when the test says so, recording what went in together. */
function heldStore(options: { maxInFlight: number; maxGroup: number }) {
  const writes: string[][] = [];
  const pending: (() => void)[] = [];
  const write = groupCommit<Item, string>({
    writeTogether: (items) => {
      writes.push(items.map((item) => item.name));
      return new Promise((resolve, reject) =>
        pending.push(() =>
          items.some((item) => item.fails)
            ? reject(new Error(`refused ${items.map((item) => item.name).join('+')}`))
            : resolve(items.map((item) => item.name).join('+')),
        ),
      );
    },
    groupOf: (item) => item.group ?? 'same',
    ...options,
  });
  /** Lets every write started so far finish, and waits until the writes they set off have started. */
  async function finishWrites() {
    for (const finish of pending.splice(0)) finish();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { write, writes, finishWrites };
}

test('an item on its own is written at once, alone', async () => {
  const store = heldStore({ maxInFlight: 2, maxGroup: 10 });
  const answer = store.write({ name: 'a' });
  assert.deepEqual(store.writes, [['a']]);
  await store.finishWrites();
  assert.equal(await answer, 'a');
});

test('items arriving while the writes are busy wait and go in together, at most maxGroup at a time', async () => {
  const store = heldStore({ maxInFlight: 2, maxGroup: 3 });
  const answers = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((name) => store.write({ name }));
  assert.deepEqual(store.writes, [['a'], ['b']], 'two writes run; the rest wait');
  await store.finishWrites();
  assert.deepEqual(store.writes.slice(2), [
    ['c', 'd', 'e'],
    ['f', 'g'],
  ]);
  await store.finishWrites();
  assert.deepEqual(await Promise.all(answers), ['a', 'b', 'c+d+e', 'c+d+e', 'c+d+e', 'f+g', 'f+g']);
});

test('items of different groups are never written together', async () => {
  const store = heldStore({ maxInFlight: 1, maxGroup: 10 });
  const answers = [
    { name: 'a', group: 'x' },
    { name: 'b', group: 'x' },
    { name: 'c', group: 'y' },
    { name: 'd', group: 'x' },
  ].map((item) => store.write(item));
  await store.finishWrites();
  await store.finishWrites();
  await store.finishWrites();
  assert.deepEqual(store.writes, [['a'], ['b', 'd'], ['c']]);
  assert.deepEqual(await Promise.all(answers), ['a', 'b+d', 'c', 'b+d']);
});

test('when a group fails, each item is written again alone, one at a time: only the bad one fails', async () => {
  const store = heldStore({ maxInFlight: 1, maxGroup: 10 });
  const answers = [{ name: 'a' }, { name: 'b' }, { name: 'bad', fails: true }, { name: 'c' }].map((item) =>
    store.write(item).then(
      (result) => `stored ${result}`,
      (error: Error) => error.message,
    ),
  );
  await store.finishWrites();
  assert.deepEqual(store.writes, [['a'], ['b', 'bad', 'c']]);
  await store.finishWrites();
  assert.deepEqual(store.writes.slice(2), [['b']], 'the retries keep to maxInFlight');
  await store.finishWrites();
  await store.finishWrites();
  await store.finishWrites();
  assert.deepEqual(store.writes.slice(2), [['b'], ['bad'], ['c']]);
  assert.deepEqual(await Promise.all(answers), ['stored a', 'stored b', 'refused bad', 'stored c']);
});

test('a write that throws at once, or an item whose group cannot be told, fails only its own callers', async () => {
  const write = groupCommit<Item, string>({
    writeTogether: (items) => {
      if (items.some((item) => item.fails)) throw new Error('thrown at once');
      return Promise.resolve(items.map((item) => item.name).join('+'));
    },
    groupOf: (item) => {
      if (item.name === 'no group') throw new Error('no group');
      return 'same';
    },
    maxInFlight: 1,
    maxGroup: 10,
  });
  const outcomes = await Promise.allSettled([
    write({ name: 'a' }),
    write({ name: 'no group' }),
    write({ name: 'bad', fails: true }),
    write({ name: 'b' }),
  ]);
  assert.deepEqual(
    outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : String(outcome.reason))),
    ['a', 'Error: no group', 'Error: thrown at once', 'b'],
  );
  assert.equal(await write({ name: 'later' }), 'later', 'the store still writes');
});
