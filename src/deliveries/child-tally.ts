import { categories } from '../catalogue/index.ts';
import {
  incomeGroups,
  reachCellName,
  type CellCounts,
  type IncomeGroup,
  type ReachCell,
} from '../reach/index.ts';

/**
 * The children of each cell (municipality and year) an import writes, counted as the rows are read: each
 * child once per cell, with the income groups and categories it had deliveries in. A cell that only this
 * import fills can then be counted without the database reading it back (decision 0007).
 *
 * Exact: a child is told apart by its whole key (32 bytes), not by a hash. The keys lie in typed arrays
 * outside the JavaScript heap, about 48 bytes per child and cell. Memory stays bounded: beyond
 * `MOST_CHILDREN` the tally gives up, frees what it holds, and the database counts every cell as before.
 */
export const MOST_CHILDREN = 1_500_000;

const KEY_WORDS = 8;
const SEGMENT_BITS = 16;
const SEGMENT = 1 << SEGMENT_BITS;
/** Each entry holds its cell in the upper half of a word and its marks in the lower half. */
const MOST_CELLS = 1 << 16;
const CHILD_KEY_PREFIX = 'ck1_'.length;
/** The value of each hexadecimal digit by its character code (the key was validated and lower-cased). */
const HEX_VALUE = new Int8Array(128);
for (let digit = 0; digit < 16; digit++) HEX_VALUE[digit.toString(16).charCodeAt(0)] = digit;
/** Entries per slot at most before the slots double: linear probing slows down as they fill. */
const LOAD = 0.7;

/** Each income group's mark: a source is its own group if the reach names it, else 'other' (as refresh.ts). */
const incomeMark = (source: string) => {
  const group = incomeGroups.indexOf(source as IncomeGroup);
  return 1 << (group >= 0 ? group : incomeGroups.indexOf('other'));
};
const FIRST_CATEGORY_BIT = incomeGroups.length;
const categoryMarks = new Map<string, number>(
  categories.map((category, index) => [category, 1 << (FIRST_CATEGORY_BIT + index)]),
);
const MARKS = FIRST_CATEGORY_BIT + categories.length;
/**
 * The marks share a word with the cell's number, 16 bits each. With more categories than that, the tally
 * counts nothing and the database counts every cell, as it did before the tally.
 */
const MARKS_FIT = MARKS <= 16;

export type TalliedCell = ReachCell & { index: number; countable: boolean };

export class ChildTally {
  /** By municipality, then year: looked up per row, so without making a name for it. */
  private readonly cells = new Map<string, Map<number, TalliedCell>>();
  private readonly cellList: TalliedCell[] = [];
  private keys: Int32Array[] = [];
  private marks: Uint32Array[] = [];
  /** Each entry's hash: the slots grow without reading keys again, and a probe compares keys only on a match. */
  private hashes: Int32Array[] = [];
  /**
   * Open addressing: entry number + 1, or 0 for a free slot. Starts small and doubles: made as large as the
   * file would need at once, the slots led V8 to collect its heap far more often (2.5 s of garbage
   * collection in the 1M-row import instead of 0.3 s).
   */
  private slots = new Int32Array(1 << 16);
  private entries = 0;
  private gaveUp = !MARKS_FIT;
  private readonly words = new Int32Array(KEY_WORDS);

  constructor(private readonly mostChildren = MOST_CHILDREN) {}

  /** The tally's cell for a row's municipality and year, made on first sight (countable until spoiled). */
  cell(municipalityCode: string, year: number): TalliedCell {
    let years = this.cells.get(municipalityCode);
    if (!years) {
      years = new Map();
      this.cells.set(municipalityCode, years);
    }
    let cell = years.get(year);
    if (!cell) {
      cell = { municipalityCode, year, index: this.cellList.length, countable: true };
      years.set(year, cell);
      this.cellList.push(cell);
      if (this.cellList.length > MOST_CELLS) this.giveUp();
    }
    return cell;
  }

  /** A delivery of a child, in a cell from `cell()`. The key was validated (ck1_ and 64 hex digits). */
  add(cell: TalliedCell, childKey: string, incomeSource: string, category: string): void {
    if (this.gaveUp || !cell.countable) return;
    const categoryMark = categoryMarks.get(category);
    if (categoryMark === undefined) {
      cell.countable = false;
      return;
    }
    this.readKey(childKey);
    const marks = incomeMark(incomeSource) | categoryMark;
    const hash = this.hash(cell.index);
    const slotMask = this.slots.length - 1;
    for (let slot = hash & slotMask; ; slot = (slot + 1) & slotMask) {
      const entry = this.slots[slot]! - 1;
      if (entry < 0) break;
      if (
        this.hashes[entry >>> SEGMENT_BITS]![entry & (SEGMENT - 1)] === hash &&
        this.holds(entry, cell.index)
      ) {
        this.marks[entry >>> SEGMENT_BITS]![entry & (SEGMENT - 1)]! |= marks;
        return;
      }
    }
    if (this.entries === this.mostChildren) return this.giveUp();
    this.store(cell.index, marks, hash);
  }

  /** These cells will be counted by the database: a row of theirs was not stored, or they held others'. */
  spoil(cells: Iterable<ReachCell>): void {
    for (const { municipalityCode, year } of cells) {
      const cell = this.cells.get(municipalityCode)?.get(year);
      if (cell) cell.countable = false;
    }
  }

  /** The counts of every cell still countable, by "code|year"; none once the tally gave up. */
  counts(): Map<string, CellCounts> {
    const counts = new Map<string, CellCounts>();
    if (this.gaveUp) return counts;
    // Per cell, how many children carry each mark, and (at MARKS) how many children there are.
    const perCell = new Int32Array(this.cellList.length * (MARKS + 1));
    for (let entry = 0; entry < this.entries; entry++) {
      const word = this.marks[entry >>> SEGMENT_BITS]![entry & (SEGMENT - 1)]!;
      const base = (word >>> 16) * (MARKS + 1);
      perCell[base + MARKS]!++;
      for (let bit = 0; bit < MARKS; bit++) if (word & (1 << bit)) perCell[base + bit]!++;
    }
    for (const cell of this.cellList) {
      if (!cell.countable) continue;
      const base = cell.index * (MARKS + 1);
      const withMark = (mark: number) => perCell[base + Math.log2(mark)]!;
      counts.set(reachCellName(cell.municipalityCode, cell.year), {
        children: perCell[base + MARKS]!,
        income: new Map(incomeGroups.map((group) => [group, withMark(incomeMark(group))])),
        category: new Map([...categoryMarks].map(([category, mark]) => [category, withMark(mark)])),
      });
    }
    return counts;
  }

  private giveUp() {
    this.gaveUp = true;
    this.keys = [];
    this.marks = [];
    this.hashes = [];
    this.slots = new Int32Array(1);
  }

  /** The key's 64 hexadecimal digits as eight 32-bit words, in `words`. */
  private readKey(childKey: string) {
    for (let word = 0; word < KEY_WORDS; word++) {
      let value = 0;
      const from = CHILD_KEY_PREFIX + word * 8;
      for (let digit = 0; digit < 8; digit++)
        value = (value << 4) | HEX_VALUE[childKey.charCodeAt(from + digit)]!;
      this.words[word] = value;
    }
  }

  /** Mixes every word of the key, so keys that differ anywhere (counters, say) spread over the slots. */
  private hash(cellIndex: number): number {
    let hash = Math.imul(cellIndex + 1, 0x9e3779b1);
    for (let word = 0; word < KEY_WORDS; word++) {
      hash = Math.imul(hash ^ this.words[word]!, 0x85ebca6b);
      hash ^= hash >>> 13;
    }
    return Math.imul(hash ^ (hash >>> 16), 0xc2b2ae35);
  }

  private holds(entry: number, cellIndex: number): boolean {
    const segment = entry >>> SEGMENT_BITS;
    const offset = (entry & (SEGMENT - 1)) * KEY_WORDS;
    if (this.marks[segment]![entry & (SEGMENT - 1)]! >>> 16 !== cellIndex) return false;
    const keys = this.keys[segment]!;
    for (let word = 0; word < KEY_WORDS; word++) if (keys[offset + word] !== this.words[word]) return false;
    return true;
  }

  private store(cellIndex: number, marks: number, hash: number) {
    const entry = this.entries++;
    const segment = entry >>> SEGMENT_BITS;
    if (segment === this.keys.length) {
      this.keys.push(new Int32Array(SEGMENT * KEY_WORDS));
      this.marks.push(new Uint32Array(SEGMENT));
      this.hashes.push(new Int32Array(SEGMENT));
    }
    this.hashes[segment]![entry & (SEGMENT - 1)] = hash;
    this.keys[segment]!.set(this.words, (entry & (SEGMENT - 1)) * KEY_WORDS);
    this.marks[segment]![entry & (SEGMENT - 1)] = ((cellIndex << 16) | marks) >>> 0;
    if (this.entries > this.slots.length * LOAD) this.growSlots();
    else this.place(entry, hash);
  }

  private place(entry: number, hash: number) {
    const slotMask = this.slots.length - 1;
    let slot = hash & slotMask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & slotMask;
    this.slots[slot] = entry + 1;
  }

  /** Twice the slots, every entry placed again. */
  private growSlots() {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let entry = 0; entry < this.entries; entry++)
      this.place(entry, this.hashes[entry >>> SEGMENT_BITS]![entry & (SEGMENT - 1)]!);
  }
}
