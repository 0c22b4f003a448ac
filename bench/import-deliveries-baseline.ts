/**
 * The baseline's table: the file's columns as they arrive (the value stays text, "12,50" is no number to
 * COPY), with what makes delivery_records costly to fill kept: a bigserial primary key and a unique index
 * on the reference, as delivery_records has on `source`. The two secondary indexes of delivery_records
 * (reach, child) are left out, so the import maintains two indexes more than the baseline does.
 */
export const PLAIN_COPY_TABLE = `create table plain_copy (id bigserial primary key, reference text not null,
  municipality text not null, delivered_on date not null, category text not null, value text not null,
  income_source text not null, child_key text not null);
create unique index plain_copy_reference on plain_copy (reference)`;
