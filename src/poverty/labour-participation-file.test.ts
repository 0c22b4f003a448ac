import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateLabourParticipationFile } from './labour-participation-file.ts';

const header = 'jaar;definitie;inkomensbron;aantal_huishoudens;percentage;status;bron;bron_url';

test('a valid file with semicolons and decimal commas is read row by row', () => {
  const result = validateLabourParticipationFile(
    `\uFEFF${header}\n2022;cbs-lage-inkomensgrens;werk;41000;38,5;gepubliceerd;Voorbeeld;https://example.org\n2022;cbs-lage-inkomensgrens;bijstand;;45;voorlopig;Voorbeeld;\n`,
    'nl',
  );
  assert.ok(result.ok);
  assert.deepEqual(result.rows[0], {
    year: 2022,
    definition: 'cbs-lage-inkomensgrens',
    incomeSource: 'werk',
    households: 41000,
    percentage: 38.5,
    status: 'gepubliceerd',
    source: 'Voorbeeld',
    sourceUrl: 'https://example.org',
  });
  assert.equal(result.rows[1]?.households, null);
});

test('every problem is reported by line and field, in the reader’s language', () => {
  const result = validateLabourParticipationFile(
    [
      header.replaceAll(';', ','),
      '1850,cbs-lage-inkomensgrens,werk,10,5,gepubliceerd,Bron,',
      '2022,armoede,loon,1.000,101,definitief,,ftp://x',
      '2022,cbs-lage-inkomensgrens,werk,,,gepubliceerd,Bron,',
      '2023,cbs-lage-inkomensgrens,werk,,60,gepubliceerd,Bron,',
      '2023,cbs-lage-inkomensgrens,werk,,10,gepubliceerd,Bron,',
      '2023,cbs-lage-inkomensgrens,bijstand,,50,gepubliceerd,Bron,',
    ].join('\n'),
    'en',
  );
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.deepEqual(
    result.errors.map((e) => `${e.line} ${e.field} ${e.code}`),
    [
      '2 jaar year_invalid',
      '3 definitie definition_unknown',
      '3 inkomensbron income_source_unknown',
      '3 aantal_huishoudens households_invalid',
      '3 percentage percentage_invalid',
      '3 status status_unknown',
      '3 bron source_required',
      '3 bron_url url_invalid',
      '4 aantal_huishoudens figure_required',
      '6 inkomensbron duplicate_row',
      '7 percentage shares_exceed_100',
    ],
  );
  assert.match(result.errors[0]!.message, /Enter a year/);
});

test('a missing column is named, and a file with only a header is empty', () => {
  const missing = validateLabourParticipationFile('jaar;definitie\n', 'nl');
  assert.ok(!missing.ok && missing.errors.some((e) => e.field === 'inkomensbron' && e.line === 1));
  const empty = validateLabourParticipationFile(`${header}\n`, 'nl');
  assert.ok(!empty.ok && empty.errors[0]?.code === 'empty_file');
});
