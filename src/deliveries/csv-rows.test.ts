import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvRecords, CsvSyntaxError, type CsvRecord } from './csv-rows.ts';

/** Reads `text` handed over in pieces of `size` characters, as a file stream does. */
async function read(text: string, delimiter = ',', size = 3): Promise<CsvRecord[]> {
  async function* pieces() {
    for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
  }
  const records: CsvRecord[] = [];
  for await (const piece of csvRecords(pieces(), delimiter)) records.push(...piece);
  return records;
}

test('quoted fields keep delimiters, quotes and line breaks; each record has the line it ends on', async () => {
  const text = '\uFEFFa;b\r\n1;"2;x"\r\n\r\n"x\ny";"z""w"\n\nlast;1';
  for (const size of [1, 3, 7, 1000])
    assert.deepEqual(await read(text, ';', size), [
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2;x'] },
      { line: 5, cells: ['x\ny', 'z"w'] },
      { line: 7, cells: ['last', '1'] },
    ]);
});

test('empty quoted fields and rows of any length are read as they are', async () => {
  assert.deepEqual(await read('a\n"",,\n1,2,3,4\n'), [
    { line: 1, cells: ['a'] },
    { line: 2, cells: ['', '', ''] },
    { line: 3, cells: ['1', '2', '3', '4'] },
  ]);
});

test('a quote inside an unquoted field, text after a closing quote or an unclosed quote is refused', async () => {
  for (const text of ['a,b\n1,x"y\n', 'a,b\n"1"x,2\n', 'a,b\n"1,2\n', 'a,b\n1,"2'])
    await assert.rejects(read(text), CsvSyntaxError, JSON.stringify(text));
});

test('the records before a syntax error come out first, also from the same piece of text', async () => {
  const seen: CsvRecord[] = [];
  async function* whole() {
    yield 'a,b\n1,2\n3,x"y\n4,5\n';
  }
  await assert.rejects(async () => {
    for await (const piece of csvRecords(whole(), ',')) seen.push(...piece);
  }, CsvSyntaxError);
  assert.deepEqual(seen, [
    { line: 1, cells: ['a', 'b'] },
    { line: 2, cells: ['1', '2'] },
  ]);
});

test('hundreds of records in one read come out in order, each once, quoted or not', async () => {
  const lines = Array.from({ length: 300 }, (_, index) => (index % 7 === 0 ? `"${index}",x` : `${index},x`));
  for (const size of [13, 100_000]) {
    const records = await read(`${lines.join('\n')}\n`, ',', size);
    assert.deepEqual(
      records.map((record) => [record.line, record.cells[0]]),
      lines.map((_, index) => [index + 1, String(index)]),
    );
  }
});
