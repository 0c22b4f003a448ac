import { Command } from 'commander';
import { loadCatalogueFile } from './catalogue/load-catalogue-file.ts';
import { formatReport } from './catalogue/validate-catalogue.ts';
import { importSchemesFile } from './eligibility/import-schemes-file.ts';
import { allSchemeKeys } from './eligibility/scheme-store.ts';
import { serve } from './main.ts';
import { importLabourParticipationFromCli } from './poverty/index.ts';
import {
  childKeySecretForPartner,
  importDeliveriesFromCli,
  pseudonymizeFromCli,
} from './deliveries/index.ts';
import { eraseExpiredApplications } from './applications/retention.ts';
import { invitePerson } from './identity/invitations.ts';
import { invitationMail } from './identity/invitation-mail.ts';
import { enqueueMail } from './platform/mail/index.ts';
import { roles } from './identity/roles.ts';
import { z } from 'zod';

const invitationInput = z
  .object({
    email: z.email(),
    name: z.string().trim().min(2).max(200),
    role: z.enum(roles),
    organisation: z.string().trim().max(80),
  })
  .refine((input) => (input.role === 'platform_admin') === (input.organisation === ''), {
    message: 'a platform_admin has no organisation; every other role needs one',
    path: ['organisation'],
  });
import { ConfigError, loadConfig } from './platform/config.ts';
import { isoDateInAmsterdam } from './platform/clock.ts';
import { isLocale } from './platform/i18n.ts';
import { openPreparedDatabase, seedDemoData } from './setup.ts';
import { importTargetGroupsCommand, recomputeReachCommand, setReachTargetCommand } from './reach/index.ts';

const say = (message: string) => console.log(`meedoen: ${message}`);

async function withDatabase<T>(
  work: (database: Awaited<ReturnType<typeof openPreparedDatabase>>) => Promise<T>,
  log: (message: string) => void = say,
) {
  const database = await openPreparedDatabase(loadConfig(), log);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

const program = new Command('meedoen')
  .description('Meedoen: every child in a low-income family can take part')
  .showHelpAfterError();

program
  .command('serve')
  .description('apply migrations, load reference data, seed the example catalogue on first start, and serve')
  .action(() => serve(loadConfig()));

program
  .command('migrate')
  .description('apply pending database migrations and load changed reference data')
  .action(() =>
    withDatabase(async (database) => {
      const state = await database.migrationState();
      say(`migrations: ${state.applied} of ${state.known} applied (latest: ${state.latest ?? 'none'})`);
    }),
  );

program
  .command('seed')
  .description('load the example catalogue (example data, labelled as such)')
  .option(
    '--force',
    'load it even when the catalogue already has entries (replaces entries with the same key)',
  )
  .action((options: { force?: boolean }) =>
    withDatabase(async (database) => {
      await seedDemoData(database, say, { force: options.force });
    }),
  );

const catalogue = program.command('catalogue').description('the catalogue of provisions');
catalogue
  .command('import')
  .description(
    'validate a catalogue file (YAML or JSON, see docs/catalogue-format.md) and import it whole, or nothing',
  )
  .argument('<file>', 'path to the catalogue file')
  .option('--lang <nl|en>', 'language of the report', 'nl')
  .action((file: string, options: { lang: string }) =>
    withDatabase(async (database) => {
      const locale = isLocale(options.lang) ? options.lang : 'nl';
      const schemeKeys = new Set(await allSchemeKeys(database.db));
      const today = isoDateInAmsterdam(new Date());
      const result = await loadCatalogueFile(database.db, file, { today, locale, schemeKeys });
      if (!result.ok) {
        const heading =
          locale === 'nl'
            ? `Niets geïmporteerd: ${result.errors.length} fout(en) in ${file}`
            : `Nothing imported: ${result.errors.length} error(s) in ${file}`;
        console.error(`${heading}\n${formatReport(result.errors)}`);
        process.exitCode = 1;
        return;
      }
      say(
        locale === 'nl'
          ? `geïmporteerd: ${result.imported.organisations} organisaties, ${result.imported.provisions} voorzieningen`
          : `imported: ${result.imported.organisations} organisations, ${result.imported.provisions} provisions`,
      );
    }),
  );

program
  .command('schemes')
  .description('eligibility rules of schemes')
  .command('import')
  .description(
    'add the schemes and versions of a rules file (see docs/eligibility.md); a stored version never changes',
  )
  .argument('<file>', 'path to the rules file (YAML or JSON)')
  .action((file: string) =>
    withDatabase(async (database) => {
      const result = await importSchemesFile(database.db, file);
      if (!result.ok) {
        console.error(`Nothing imported from ${file}:\n${result.errors.map((e) => `  ${e}`).join('\n')}`);
        process.exitCode = 1;
        return;
      }
      say(`imported: ${result.schemes} schemes, ${result.versionsAdded} new versions`);
    }),
  );

const user = program.command('user').description('staff accounts');
user
  .command('invite')
  .description(
    'invite a staff member (the first platform admin, for one); prints the link to finish the account',
  )
  .requiredOption('--email <address>', 'their e-mail address')
  .requiredOption('--name <name>', 'their name as shown to colleagues')
  .requiredOption('--role <role>', `one of: ${roles.join(', ')}`)
  .option('--organisation <key>', 'the organisation they work for (not for platform_admin)', '')
  .action((options: { email: string; name: string; role: string; organisation: string }) =>
    withDatabase(async (database) => {
      const input = invitationInput.safeParse(options);
      if (!input.success) {
        console.error(
          `meedoen: ${input.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
        process.exitCode = 1;
        return;
      }
      const { email, name, role, organisation } = input.data;
      const config = loadConfig();
      // The invitation and its e-mail are written together: no invitation without its mail, or the reverse.
      const link = await database.db.transaction(async (tx) => {
        const membership = { organisationKey: organisation, role };
        const { token } = await invitePerson(tx, { email, displayName: name, membership }, new Date());
        const url = `${config.publicBaseUrl}/uitnodiging/${token}`;
        await enqueueMail(tx, {
          recipient: email,
          purpose: 'invitation',
          ...invitationMail({ name, link: url }),
        });
        return url;
      });
      say(`invitation for ${email} (${role}${organisation ? ` at ${organisation}` : ''}), valid for 7 days:`);
      console.log(link);
    }),
  );

program
  .command('retention')
  .description('retention of personal data in applications')
  .command('run')
  .description(
    'erase the personal data of applications closed longer than MEEDOEN_RETENTION_MONTHS ago, and expired drafts',
  )
  .option('--dry-run', 'only count what would be erased')
  .action((options: { dryRun?: boolean }) =>
    withDatabase(async (database) => {
      const config = loadConfig();
      const result = await eraseExpiredApplications(database.db, {
        now: new Date(),
        retentionMonths: config.retentionMonths,
        secret: config.secret,
        dryRun: options.dryRun === true,
      });
      const verb = options.dryRun ? 'would erase' : 'erased';
      say(
        `${verb}: ${result.applications} applications (${result.children} children), ${result.drafts} expired drafts` +
          ` (term: ${config.retentionMonths} months)`,
      );
      if (result.busy) say('another process is erasing at the moment; run again later for the rest');
    }),
  );

// `meedoen import …`: files from partners and sources outside; each capability adds its own kind.
const importCommand =
  program.commands.find((command) => command.name() === 'import') ??
  program.command('import').description('import files from partners and other sources');
importCommand
  .command('deliveries')
  .description(
    "import a partner's deliveries (CSV or XLSX, see docs/deliveries-import.md); valid rows are kept, the rest reported",
  )
  .argument('<file>', 'the delivery file')
  .requiredOption('--provider <organisation>', 'the key of the organisation that made the deliveries')
  .option('--report <file>', 'write the validation report (CSV) to this file instead of standard output')
  .option('--lang <nl|en>', 'language of the progress and summary', 'nl')
  .action((file: string, options: { provider: string; report?: string; lang: string }) =>
    withDatabase(
      async (database) => {
        process.exitCode = await importDeliveriesFromCli(database.db, {
          file,
          provider: options.provider,
          locale: isLocale(options.lang) ? options.lang : 'nl',
          reportPath: options.report ?? null,
          childKeySecret: loadConfig().childKeySecret,
          today: isoDateInAmsterdam(new Date()),
          stdout: process.stdout,
          stderr: process.stderr,
        });
      },
      (message) => console.error(`meedoen: ${message}`),
    ),
  );

program
  .command('pseudonymize')
  .description(
    "replace the children's details in a delivery file by their child key, offline (docs/deliveries-import.md)",
  )
  .argument('<in>', 'the delivery file with first_name, birth_date, postcode and house_number (CSV or XLSX)')
  .argument('<out>', 'where to write the file with child_key instead')
  .option('--secret-file <file>', 'file holding the shared child-key secret (else MEEDOEN_CHILD_KEY_SECRET)')
  .option('--lang <nl|en>', 'language of the messages', 'nl')
  .action(async (input: string, output: string, options: { secretFile?: string; lang: string }) => {
    const secret = await childKeySecretForPartner(options.secretFile);
    process.exitCode = await pseudonymizeFromCli({
      input,
      output,
      secret,
      today: isoDateInAmsterdam(new Date()),
      locale: isLocale(options.lang) ? options.lang : 'nl',
      stdout: process.stdout,
      stderr: process.stderr,
    });
  });

// Figures on work among families with children in poverty (docs/poverty-trend.md); none ship.
(program.commands.find((command) => command.name() === 'import') ?? program.command('import'))
  .command('labour-participation')
  .description(
    'import figures on households with children in poverty by income source (CSV, see docs/poverty-trend.md); all rows or none',
  )
  .argument('<file>', 'the CSV file')
  .option('--lang <nl|en>', 'language of the report', 'nl')
  .action((file: string, options: { lang: string }) =>
    withDatabase(async (database) => {
      process.exitCode = await importLabourParticipationFromCli(database.db, {
        file,
        locale: isLocale(options.lang) ? options.lang : 'nl',
        stdout: process.stdout,
        stderr: process.stderr,
      });
    }),
  );

// Reach (docs/reach.md): target groups, targets, and a full recompute of the counts.
(program.commands.find((command) => command.name() === 'import') ?? program.command('import'))
  .command('target-groups')
  .description(
    'import children in the target group per municipality, year and income source (CBS-style CSV, see docs/reach.md); all lines or none',
  )
  .argument('<file>', 'the CSV file')
  .action((file: string) =>
    withDatabase(async (database) => {
      process.exitCode = (await importTargetGroupsCommand(database, file, say)) ? 0 : 1;
    }),
  );
const reach = program.command('reach').description('the reach monitor (docs/reach.md)');
reach
  .command('recompute')
  .description(
    'rebuild every reach count from the delivery records (the same result as the counts kept current)',
  )
  .action(() => withDatabase((database) => recomputeReachCommand(database, say)));
reach
  .command('target')
  .description("set a municipality's own reach target for a year and income source (bijstand, work, other)")
  .argument('<municipality>', 'CBS code, e.g. GM0363')
  .argument('<year>', 'e.g. 2025')
  .argument('<group>', 'bijstand, work or other')
  .argument('<percent>', "0-100, or 'national' to go back to the national target (100% bijstand, 70% work)")
  .action((municipality: string, year: string, group: string, percent: string) =>
    withDatabase(async (database) => {
      const input = {
        municipality: municipality.toUpperCase(),
        year: Number(year),
        incomeGroup: group,
        percent: percent === 'national' ? null : Number(percent),
      };
      process.exitCode = (await setReachTargetCommand(database, input, say)) ? 0 : 1;
    }),
  );

program.parseAsync().catch((error: unknown) => {
  // Configuration mistakes are the operator's to fix: say what is wrong, without a stack trace.
  console.error(
    error instanceof ConfigError ? error.message : `meedoen: ${(error as Error).message ?? error}`,
  );
  process.exitCode = 1;
});
