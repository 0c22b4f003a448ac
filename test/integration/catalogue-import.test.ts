import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import YAML from 'yaml';
import { loadCatalogueFile } from '../../src/catalogue/load-catalogue-file.ts';
import { findProvision } from '../../src/catalogue/store.ts';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import { databasesUnderTest } from '../support/databases.ts';
import { buildCatalogue } from '../support/factories.ts';

const today = '2026-01-15';

for (const target of databasesUnderTest()) {
  describe(`catalogue import on ${target.name}`, () => {
    let database: DatabaseHandle;
    let folder: string;
    before(async () => {
      database = await target.open();
      folder = await mkdtemp(path.join(tmpdir(), 'meedoen-catalogue-'));
    });
    after(async () => {
      await database.close();
      await rm(folder, { recursive: true, force: true });
    });

    async function write(name: string, content: unknown, format: 'yaml' | 'json' = 'yaml') {
      const file = path.join(folder, name);
      await writeFile(file, format === 'json' ? JSON.stringify(content) : YAML.stringify(content));
      return file;
    }

    test('imports a valid YAML file, and importing it again changes nothing', async () => {
      const { catalogue, provisionKeys } = buildCatalogue(
        [{}, { category: 'bicycle', offeredIn: ['GM0014', 'GM0037'] }],
        {
          example: true,
        },
      );
      const file = await write('valid.yaml', catalogue);
      const first = await loadCatalogueFile(database.db, file, { today, locale: 'nl' });
      assert.deepEqual(first, { ok: true, imported: { organisations: 1, provisions: 2 } });
      const before = await findProvision(database.db, provisionKeys[1]!);
      assert.deepEqual(before?.offeredIn, [
        { code: 'GM0014', name: 'Groningen' },
        { code: 'GM0037', name: 'Stadskanaal' },
      ]);
      assert.equal(before?.isExample, true);

      const second = await loadCatalogueFile(database.db, file, { today, locale: 'nl' });
      assert.equal(second.ok, true);
      assert.deepEqual(await findProvision(database.db, provisionKeys[1]!), before);
    });

    test('imports JSON, and a changed entry replaces the old one by its key', async () => {
      const { catalogue, provisionKeys } = buildCatalogue([{ ages: { min: 4, max: 12 } }]);
      await loadCatalogueFile(database.db, await write('v1.json', catalogue, 'json'), {
        today,
        locale: 'en',
      });
      catalogue.provisions[0]!.ages = { min: 6, max: 18 };
      catalogue.provisions[0]!.offeredIn = 'nationwide';
      await loadCatalogueFile(database.db, await write('v2.json', catalogue, 'json'), {
        today,
        locale: 'en',
      });
      const updated = await findProvision(database.db, provisionKeys[0]!);
      assert.deepEqual(updated?.ages, { min: 6, max: 18 });
      assert.equal(updated?.offeredIn, 'nationwide');
    });

    test('a file with one bad entry is rejected whole, with a report naming entry and field', async () => {
      const { catalogue, provisionKeys } = buildCatalogue([{}, {}, { ages: { min: 12, max: 4 } }]);
      const result = await loadCatalogueFile(database.db, await write('half-valid.yaml', catalogue), {
        today,
        locale: 'nl',
      });
      assert.equal(result.ok, false);
      assert.deepEqual(result.ok ? [] : result.errors.map((e) => [e.entry, e.key, e.field]), [
        ['provisions[2]', provisionKeys[2], 'ages.max'],
      ]);
      for (const key of provisionKeys)
        assert.equal(await findProvision(database.db, key), null, `${key} not imported`);
    });

    test('a reference to an organisation that exists nowhere is reported, nothing imported', async () => {
      const { catalogue, provisionKeys } = buildCatalogue([{}]);
      catalogue.provisions[0]!.handledBy = 'leergeld-atlantis';
      const result = await loadCatalogueFile(database.db, await write('dangling.yaml', catalogue), {
        today,
        locale: 'en',
      });
      assert.equal(result.ok, false);
      assert.equal(result.ok ? '' : result.errors[0]!.code, 'catalogue_unknown_organisation');
      assert.equal(await findProvision(database.db, provisionKeys[0]!), null);
    });

    test('a provision may use an organisation imported earlier', async () => {
      const first = buildCatalogue([{}]);
      await loadCatalogueFile(database.db, await write('org.yaml', first.catalogue), { today, locale: 'en' });
      const second = buildCatalogue([{}]);
      const reusing = { ...second.catalogue, organisations: [] };
      reusing.provisions[0] = {
        ...reusing.provisions[0]!,
        fundedBy: first.organisationKey,
        handledBy: first.organisationKey,
        owner: first.organisationKey,
      };
      const result = await loadCatalogueFile(database.db, await write('reuse.yaml', reusing), {
        today,
        locale: 'en',
      });
      assert.equal(result.ok, true);
      assert.equal(
        (await findProvision(database.db, second.provisionKeys[0]!))?.handledBy.key,
        first.organisationKey,
      );
    });

    test('wrong file type, unreadable file and broken syntax are reported, not thrown', async () => {
      const csv = await loadCatalogueFile(database.db, path.join(folder, 'catalogue.csv'), {
        today,
        locale: 'en',
      });
      assert.equal(csv.ok ? '' : csv.errors[0]!.code, 'catalogue_file_type');
      const missing = await loadCatalogueFile(database.db, path.join(folder, 'missing.yaml'), {
        today,
        locale: 'en',
      });
      assert.equal(missing.ok ? '' : missing.errors[0]!.code, 'catalogue_unreadable');
      const brokenFile = path.join(folder, 'broken.yaml');
      await writeFile(brokenFile, 'provisions:\n  - key: [unclosed\n');
      const broken = await loadCatalogueFile(database.db, brokenFile, { today, locale: 'en' });
      assert.equal(broken.ok ? '' : broken.errors[0]!.code, 'catalogue_syntax');
    });
  });
}
