/**
 * The baselines' tables: the file's columns as they arrive (the value stays text, "12,50" is no number to
 * COPY), each filled by a bare `COPY … FROM STDIN (FORMAT csv)` of the file.
 *
 * SAME_INDEXES_COPY_TABLE, the target's baseline (decision 0005): the four indexes delivery_records has and
 * the product reads by, so a COPY of the file into it stores what the import stores, minus the import's own
 * work (reading, checking, keying, reporting, the reach). The reach index is on the delivered date, as the
 * file has no year column.
 *
 * KEY_AND_REFERENCE_COPY_TABLE, the earlier baseline (kept for comparison with runs 1–3): the primary key
 * and the unique reference only.
 */
const FILE_COLUMNS = `(id bigserial primary key, reference text not null, municipality text not null,
  delivered_on date not null, category text not null, value text not null, income_source text not null,
  child_key text not null)`;

export const KEY_AND_REFERENCE_COPY_TABLE = `create table plain_copy ${FILE_COLUMNS};
create unique index plain_copy_reference on plain_copy (reference)`;

export const SAME_INDEXES_COPY_TABLE = `${KEY_AND_REFERENCE_COPY_TABLE};
create index plain_copy_child on plain_copy (child_key);
create index plain_copy_reach on plain_copy (municipality, delivered_on, income_source)`;
