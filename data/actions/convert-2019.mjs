// Converts the 2019 appendix (actions per ambition) into actions-2019.yaml, once; the YAML is committed and
// seeded at start-up. Run: node data/actions/convert-2019.mjs data/actions/appendix-2019.txt (the appendix as
// received, seed 004 of the project)
import { readFileSync, writeFileSync } from 'node:fs';
import { stringify } from 'yaml';

const source = readFileSync(process.argv[2], 'utf8');

// Who leads each action, where the status text names one; otherwise left empty rather than guessed.
const leads = {
  '2019-a1-03': 'Divosa',
  '2019-a1-04': 'Vereniging Leergeld Nederland',
  '2019-a1-05': 'Nationaal Fonds Kinderhulp',
  '2019-a1-06': 'Vereniging Leergeld Nederland, Nationaal Fonds Kinderhulp en Jarige Job',
  '2019-a3-02': 'SZW en OCW (Gelijke Kansen Alliantie)',
  '2019-a4-01': 'VNG en Divosa',
};

/** The appendix's HTML fragments as plain text: paragraphs and list items on lines of their own. */
function plain(html) {
  return html
    .replace(/<sup>\d+<\/sup>/g, '')
    .replace(/<\/p>\s*<p>/g, '\n\n')
    .replace(/<li>\s*(?:•\s*)?/g, '\n- ')
    .replace(/<\/[uo]l>/g, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

const actions = [];
let ambition = 0;
let commitment = '';
let position = 0;
for (const line of source.split('\n')) {
  const heading = /^## Ambitie (\d)/.exec(line);
  if (heading) {
    ambition = Number(heading[1]);
    position = 0;
    continue;
  }
  const inzet = /^(?:###\s*|\*\*)Inzet: (.*?)(?:\*\*)?$/.exec(line.trim());
  if (inzet) commitment = inzet[1];
  const cells = line.split('\t');
  if (cells.length !== 3 || cells[0] === 'Actie') continue;
  position += 1;
  const key = `2019-a${ambition}-${String(position).padStart(2, '0')}`;
  const motions = [...new Set([...`${cells[0]} ${cells[1]}`.matchAll(/<b>(motie [^<]+?)(?: c\.s\.)?<\/b>/g)].map((m) => m[1]))];
  actions.push({
    key,
    ambition,
    commitment,
    title: plain(cells[0]),
    lead: leads[key] ?? null,
    motion: motions.length ? motions.join(', ') : null,
    status: plain(cells[1]),
    when: cells[2].trim(),
  });
}

const file = {
  source: {
    title: "Bijlage bij de Kamerbrief 'Nadere uitwerking ambities kinderarmoede'",
    publisher: 'Ministerie van Sociale Zaken en Werkgelegenheid',
    reference: '2019-0000139726',
    date: '2019-10-02',
    converted: 'data/actions/convert-2019.mjs from the appendix (seed 004); "when" kept verbatim',
  },
  actions,
};
writeFileSync(new URL('./actions-2019.yaml', import.meta.url), stringify(file, { lineWidth: 0 }));
console.log(`${actions.length} actions written`);
