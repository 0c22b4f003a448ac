/**
 * A CSV reader for partner files (RFC 4180: fields may be quoted, `""` is a quote, a quoted field may span
 * lines). It exists because csv-parse cost about 13 µs a row, more than all the rest of an import together:
 * a line without a quote — nearly every line of a partner file — is split in one call here, and only lines
 * with a quote go through the character-by-character path. It behaves as csv-parse did with the options the
 * import used (BOM dropped, empty lines skipped, any number of columns, the line where a record ends), and
 * it refuses what csv-parse refused: a quote inside an unquoted field, text after a closing quote, and a
 * quote not closed at the end of the file.
 */
export type CsvRecord = { line: number; cells: string[] };

export class CsvSyntaxError extends Error {}

type Parsed = { cells: string[]; next: number; newlines: number };

const QUOTE = 34;
const LF = 10;
const CR = 13;

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/**
 * One record from `start`, which holds a quote somewhere. Returns null when the text ends before the record
 * does (the caller reads more); `next` is just after the record's line break.
 */
function parseQuotedRecord(text: string, start: number, delimiter: string): Parsed | null {
  const cells: string[] = [];
  let at = start;
  let newlines = 0;
  // The first line break at or after `at` (-1: none read yet). Looked for again only when a quoted field
  // held line breaks: searching it per field cost more than the rest of the record.
  let lineEnd = text.indexOf('\n', at);
  for (;;) {
    if (text.charCodeAt(at) === QUOTE) {
      let field = '';
      let from = at + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote < 0) return null;
        field += text.slice(from, quote);
        if (text.charCodeAt(quote + 1) === QUOTE) {
          field += '"';
          from = quote + 2;
          continue;
        }
        if (quote + 1 >= text.length) return null; // what follows the quote is not read yet
        if (lineEnd >= 0 && lineEnd < quote) {
          newlines += countNewlines(text, at, quote);
          lineEnd = text.indexOf('\n', quote);
        }
        at = quote + 1;
        break;
      }
      cells.push(field);
      const after = text.charCodeAt(at);
      if (text.startsWith(delimiter, at)) {
        at += delimiter.length;
        continue;
      }
      if (after === CR && text.charCodeAt(at + 1) === LF) return { cells, next: at + 2, newlines };
      if (after === CR && at + 1 >= text.length) return null;
      if (after === LF) return { cells, next: at + 1, newlines };
      throw new CsvSyntaxError('text after a closing quote');
    }
    if (lineEnd < 0) return null;
    const fieldEnd = text.indexOf(delimiter, at);
    const end = fieldEnd >= 0 && fieldEnd < lineEnd ? fieldEnd : lineEnd;
    let field = text.slice(at, end);
    if (end === lineEnd && field.charCodeAt(field.length - 1) === CR) field = field.slice(0, -1);
    if (field.includes('"')) throw new CsvSyntaxError('a quote inside an unquoted field');
    cells.push(field);
    if (end === lineEnd) return { cells, next: lineEnd + 1, newlines };
    at = end + delimiter.length;
  }
}

/**
 * Records per piece. One promise per record cost the import more than splitting the record; a piece of a
 * whole 64 KB read (some 600 records) lived long enough for V8 to move its strings, and the text they are
 * cut from, to the old generation (garbage collection went from 0.3 to 1.7 s on 1M rows).
 */
const PIECE = 64;

/**
 * The records of a stream of text, with the (1-based) line each one ends on, handed out in pieces of up to
 * PIECE records. A syntax error comes after the records before it.
 */
export async function* csvRecords(
  chunks: AsyncIterable<string>,
  delimiter: string,
): AsyncGenerator<CsvRecord[]> {
  let line = 0;
  let text = '';
  let position = 0;
  let nextQuote = -1;
  /** Adds up to PIECE whole records from `position` to `into`, and moves `position` past them. */
  const readRecords = (atEnd: boolean, into: CsvRecord[]) => {
    while (position < text.length && into.length < PIECE) {
      const newline = text.indexOf('\n', position);
      if (newline < 0) break;
      if (nextQuote >= 0 && nextQuote < position) nextQuote = text.indexOf('"', position);
      if (nextQuote < 0 || nextQuote > newline) {
        line++;
        const end = newline > position && text.charCodeAt(newline - 1) === CR ? newline - 1 : newline;
        if (end > position) into.push({ line, cells: text.slice(position, end).split(delimiter) });
        position = newline + 1;
        continue;
      }
      const parsed = parseQuotedRecord(text, position, delimiter);
      if (!parsed) {
        if (atEnd) throw new CsvSyntaxError('a quote that is not closed');
        break;
      }
      line += parsed.newlines + 1;
      into.push({ line, cells: parsed.cells });
      position = parsed.next;
    }
  };
  /** The records of `text` (read so far, with what an earlier piece left); leaves `position` after them. */
  async function* pieces(atEnd: boolean): AsyncGenerator<CsvRecord[]> {
    position = 0;
    nextQuote = text.indexOf('"');
    for (;;) {
      const records: CsvRecord[] = [];
      try {
        readRecords(atEnd, records);
      } catch (error) {
        if (records.length > 0) yield records;
        throw error;
      }
      if (records.length > 0) yield records;
      if (records.length < PIECE) return;
    }
  }
  let first = true;
  for await (const chunk of chunks) {
    text = text.slice(position) + chunk;
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    yield* pieces(false);
  }
  const carry = text.slice(position);
  if (carry !== '') {
    // The last line has no line break; with one it reads as any other.
    text = `${carry}\n`;
    yield* pieces(true);
    if (position < carry.length) throw new CsvSyntaxError('a quote that is not closed');
  }
}
