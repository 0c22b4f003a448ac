import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  CHILD_KEY_PATTERN,
  childIdentityMessages,
  childKey,
  childKeyFor,
  childKeyInput,
  isChildKey,
  localiseChildIdentityErrors,
  normaliseChildIdentity,
  normaliseFirstGivenName,
  type ChildIdentityErrorCode,
  type ChildIdentityField,
  type ChildIdentityInput,
  type NormalisedChildIdentity,
} from './child-key.ts';

const today = '2025-06-01';
const base: ChildIdentityInput = {
  firstName: 'Zoë',
  birthDate: '2015-03-28',
  postcode: '9711 AB',
  houseNumber: '12',
};

function normalised(input: Partial<ChildIdentityInput>, on = today): NormalisedChildIdentity {
  const result = normaliseChildIdentity({ ...base, ...input }, on);
  assert.ok(result.ok, `expected valid, got ${JSON.stringify(!result.ok && result.errors)}`);
  return result.identity;
}

function errorsOf(input: Partial<ChildIdentityInput>, on = today) {
  const result = normaliseChildIdentity({ ...base, ...input }, on);
  assert.ok(!result.ok, `expected errors for ${JSON.stringify(input)}`);
  return result.errors.map(({ field, code }) => ({ field, code }));
}

const keyOf = (input: Partial<ChildIdentityInput>, secret = 'test-secret') =>
  childKey(secret, normalised(input));

/**
 * Any code point (lone surrogates too), mixed with the characters the rules single out. fast-check's own
 * "binary" unit would do, but it takes seconds to set up.
 */
const anyCharacter = fc.oneof(
  fc.integer({ min: 0, max: 0x10ffff }).map((codePoint) => String.fromCodePoint(codePoint)),
  fc.constantFrom(...[..."aZéëß ẞ-–'’´İıĳŉ.,|0\u0301\u00A0\t"]),
);
const anyText = (maxLength: number) => fc.string({ unit: anyCharacter, maxLength });

describe('child key: fixed test vectors (a failure here means the published ck1 encoding changed)', () => {
  const vectors: [string, ChildIdentityInput, string, string][] = [
    [
      'the documented vector',
      { firstName: 'Zoë Anne', birthDate: '2015-03-28', postcode: '9711 ab', houseNumber: '12a' },
      'ck1|zoe|2015-03-28|9711AB|12',
      'ck1_829aab436eb1a59d0095810eac2ff84e971fe9a22a67d0498df3cef3dab93e90',
    ],
    [
      'a hyphenated name, 29 February, an addition with a dash',
      { firstName: '  anne-marie ', birthDate: '2012-02-29', postcode: '3512JE', houseNumber: '1-3' },
      'ck1|annemarie|2012-02-29|3512JE|1',
      'ck1_34c6d6d2287ad37075a571b4db0df22215a0479c93b57138a831c3e250af6734',
    ],
    [
      'a name outside Latin script is encoded as UTF-8',
      { firstName: 'Мария', birthDate: '2019-12-31', postcode: '1011 AB', houseNumber: '99999' },
      'ck1|мария|2019-12-31|1011AB|99999',
      'ck1_24a21549e176d583bade8ebebd53c8ca84caf37a92ddd860bec77b4e44b8cea3',
    ],
  ];
  for (const [label, input, message, key] of vectors) {
    test(label, () => {
      const result = childKeyFor('test-secret', input, today);
      assert.ok(result.ok);
      assert.equal(childKeyInput(result.identity), message);
      assert.equal(result.key, key);
    });
  }

  test('the key is HMAC-SHA256 over the UTF-8 input, keyed with the UTF-8 secret, in lower-case hex', () => {
    const identity = normalised({ firstName: 'Мария' });
    const expected = createHmac('sha256', Buffer.from('geheim-ë', 'utf8'))
      .update(Buffer.from('ck1|мария|2015-03-28|9711AB|12', 'utf8'))
      .digest('hex');
    assert.equal(childKey('geheim-ë', identity), `ck1_${expected}`);
  });
});

describe('normaliseFirstGivenName: labelled cases', () => {
  const table: [string, string, string][] = [
    ['lower-cases', 'ZOË', 'zoe'],
    ['Zoë and Zoe are one name', 'Zoë', 'zoe'],
    ['a diaeresis typed as a combining mark', 'Zoe\u0308', 'zoe'],
    ['acute accent', 'José', 'jose'],
    ['only the first given name: "José María" → jose', 'José María', 'jose'],
    ['surrounding spaces and a hyphenated name kept whole', '  anne-marie ', 'annemarie'],
    ['the hyphen does not matter: Anne-Marie = AnneMarie', 'AnneMarie', 'annemarie'],
    ['an en dash or non-breaking hyphen is a hyphen too', 'Anne–Marie', 'annemarie'],
    ['a non-breaking space separates given names', 'Anne\u00A0Marie', 'anne'],
    ['a tab separates given names', 'Anne\tSophie', 'anne'],
    ['a comma separates given names', 'Anne,Marie', 'anne'],
    ['an apostrophe is deleted: D’Angelo', 'D’Angelo', 'dangelo'],
    ['a typewriter apostrophe is the same name', "D'Angelo", 'dangelo'],
    ['an acute accent typed as apostrophe is the same name', 'D´Angelo', 'dangelo'],
    ['a leading apostrophe is deleted', "'Ayla", 'ayla'],
    ['the Dutch ij ligature is i + j', 'Ĳsbrand', 'ijsbrand'],
    ['IJ written as two letters', 'IJsbrand', 'ijsbrand'],
    ['c cedilla', 'François', 'francois'],
    ['n tilde', 'Begoña', 'begona'],
    ['a ring', 'Åsa', 'asa'],
    ['o slash (not decomposed by NFKD) folds to o', 'Søren', 'soren'],
    ['capital O slash folds too', 'ØYVIND', 'oyvind'],
    ['sharp s folds to ss', 'Rußlan', 'russlan'],
    ['capital sharp s folds to ss', 'RUẞLAN', 'russlan'],
    ['ae ligature', 'Ærin', 'aerin'],
    ['oe ligature', 'Œlle', 'oelle'],
    ['Polish l with stroke', 'Łukasz', 'lukasz'],
    ['Croatian d with stroke', 'Đorđe', 'dorde'],
    ['Icelandic eth', 'Hróðný', 'hrodny'],
    ['Icelandic thorn', 'Þóra', 'thora'],
    ['Turkish dotless i', 'Işıl', 'isil'],
    ['Turkish dotted capital I', 'İrem', 'irem'],
    ['Turkish g breve and s cedilla', 'Çağrı Şükrü', 'cagri'],
    ['full-width letters', 'Ａｎｎａ', 'anna'],
    ['a name in Cyrillic is kept in Cyrillic, lower case', 'МАРИЯ', 'мария'],
    ['Greek final sigma folds to sigma', 'ΟΔΥΣΣΕΑΣ', 'οδυσσεασ'],
    ['Arabic vowel marks are marks and go', 'مُحَمَّد', 'محمد'],
    ['a name in Chinese characters', '李小龙', '李小龙'],
    ['digits end a word', 'Anne2', 'anne'],
    ['a word without letters is skipped', '-- Bram', 'bram'],
    ['a dash next to the name is dropped', '-Bram-', 'bram'],
  ];
  for (const [label, input, expected] of table) {
    test(label, () => assert.deepEqual(normaliseFirstGivenName(input), { ok: true, name: expected }));
  }
  test('has at least 40 labelled cases', () => assert.ok(table.length >= 40));

  const rejected: [string, string, 'first_name_no_letters' | 'first_name_initial'][] = [
    ['digits only', '12345', 'first_name_no_letters'],
    ['punctuation only', "'-.", 'first_name_no_letters'],
    ['an initial with a full stop', 'J. Anne', 'first_name_initial'],
    ['initials', 'J.P.', 'first_name_initial'],
    ['a single letter', 'J', 'first_name_initial'],
    ["a surname prefix such as 't is not a given name", "'t Jantje", 'first_name_initial'],
  ];
  for (const [label, input, code] of rejected) {
    test(`rejected: ${label}`, () => assert.deepEqual(normaliseFirstGivenName(input), { ok: false, code }));
  }
});

describe('normaliseChildIdentity: postcode, house number and birth date', () => {
  const postcodes: [string, string, string][] = [
    ['upper-cases and removes the space', '9711 ab', '9711AB'],
    ['no space', '9711ab', '9711AB'],
    ['spaces around and inside', '  9711   AB ', '9711AB'],
    ['a non-breaking space', '9711\u00A0AB', '9711AB'],
    ['mixed case', '9711 aB', '9711AB'],
    ['a letter pair other than SA, SD and SS, such as AS', '1234 AS', '1234AS'],
  ];
  for (const [label, input, expected] of postcodes) {
    test(`postcode: ${label}`, () => assert.equal(normalised({ postcode: input }).postcode, expected));
  }

  const houseNumbers: [string, string, number, string][] = [
    ['a number', '12', 12, ''],
    ['surrounding spaces', ' 12 ', 12, ''],
    ['leading zeros', '012', 12, ''],
    ['a letter', '12a', 12, 'A'],
    ['a letter after a space', '12 A', 12, 'A'],
    ['a letter after a dash', '12-a', 12, 'A'],
    ['a floor number after a dash', '12-2', 12, '2'],
    ['a floor number after an en dash', '12–2', 12, '2'],
    ['a floor number after a slash', '12/2', 12, '2'],
    ['bis', '12 bis', 12, 'BIS'],
    ['hs (huis, ground floor)', '12 hs', 12, 'HS'],
    ['a Roman numeral', '12-III', 12, 'III'],
    ['a letter and an addition', '12A-1', 12, 'A1'],
    ['the largest house number', '99999', 99999, ''],
  ];
  for (const [label, input, houseNumber, addition] of houseNumbers) {
    test(`house number: ${label}`, () => {
      const identity = normalised({ houseNumber: input });
      assert.equal(identity.houseNumber, houseNumber);
      assert.equal(identity.houseNumberAddition, addition);
    });
  }

  test('the addition is kept for the application but is not part of the key', () => {
    const plain = keyOf({ houseNumber: '12' });
    for (const variant of ['12a', '12 A', '12-2', '12 hs', '12 bis', '12-III'])
      assert.equal(keyOf({ houseNumber: variant }), plain, variant);
    assert.notEqual(keyOf({ houseNumber: '122' }), plain, '12-2 is not 122');
  });

  const birthDates: [string, string, string][] = [
    ['today', '2025-06-01', today],
    ['exactly 27 years before today', '1998-06-01', today],
    ['29 February in a leap year', '2016-02-29', today],
    ['surrounding spaces', ' 2015-03-28 ', today],
    [
      '27 years before 29 February: 28 February is one day too early, 1 March is fine',
      '1997-03-01',
      '2024-02-29',
    ],
  ];
  for (const [label, input, on] of birthDates) {
    test(`birth date: ${label}`, () =>
      assert.equal(normalised({ birthDate: input }, on).birthDate, input.trim()));
  }
});

describe('normaliseChildIdentity: invalid input gives field errors, never an exception', () => {
  const table: [string, Partial<ChildIdentityInput>, ChildIdentityField, ChildIdentityErrorCode][] = [
    ['first name empty', { firstName: '' }, 'firstName', 'first_name_required'],
    ['first name only spaces', { firstName: '   ' }, 'firstName', 'first_name_required'],
    ['first name too long', { firstName: 'a'.repeat(201) }, 'firstName', 'first_name_too_long'],
    ['first name without letters', { firstName: '123' }, 'firstName', 'first_name_no_letters'],
    ['first name an initial', { firstName: 'J.' }, 'firstName', 'first_name_initial'],
    ['birth date empty', { birthDate: '' }, 'birthDate', 'birth_date_required'],
    ['birth date in Dutch order', { birthDate: '28-03-2015' }, 'birthDate', 'birth_date_malformed'],
    ['birth date without leading zeros', { birthDate: '2015-3-8' }, 'birthDate', 'birth_date_malformed'],
    ['birth date with a time', { birthDate: '2015-03-28T00:00' }, 'birthDate', 'birth_date_malformed'],
    ['birth date 30 February', { birthDate: '2016-02-30' }, 'birthDate', 'birth_date_not_a_date'],
    [
      'birth date 29 February in a common year',
      { birthDate: '2015-02-29' },
      'birthDate',
      'birth_date_not_a_date',
    ],
    ['birth date month 13', { birthDate: '2015-13-01' }, 'birthDate', 'birth_date_not_a_date'],
    ['birth date tomorrow', { birthDate: '2025-06-02' }, 'birthDate', 'birth_date_in_future'],
    [
      'birth date 27 years and a day ago',
      { birthDate: '1998-05-31' },
      'birthDate',
      'birth_date_too_long_ago',
    ],
    ['postcode empty', { postcode: '' }, 'postcode', 'postcode_required'],
    ['postcode only digits (PC4)', { postcode: '9711' }, 'postcode', 'postcode_incomplete'],
    ['postcode starting with 0', { postcode: '0123 AB' }, 'postcode', 'postcode_malformed'],
    ['postcode with a dash', { postcode: '9711-AB' }, 'postcode', 'postcode_malformed'],
    ['postcode with 3 letters', { postcode: '9711 ABC' }, 'postcode', 'postcode_malformed'],
    ['postcode with 5 digits', { postcode: '97111 AB' }, 'postcode', 'postcode_malformed'],
    ['postcode with a letter with accent', { postcode: '9711 AÉ' }, 'postcode', 'postcode_malformed'],
    ['postcode with SA', { postcode: '1234 SA' }, 'postcode', 'postcode_not_issued'],
    ['postcode with SD', { postcode: '1234sd' }, 'postcode', 'postcode_not_issued'],
    ['postcode with SS', { postcode: '1234 ss' }, 'postcode', 'postcode_not_issued'],
    ['house number empty', { houseNumber: '' }, 'houseNumber', 'house_number_required'],
    [
      'house number with the street',
      { houseNumber: 'Dorpsstraat 12' },
      'houseNumber',
      'house_number_malformed',
    ],
    ['house number "nr. 12"', { houseNumber: 'nr. 12' }, 'houseNumber', 'house_number_malformed'],
    ['house number with a comma', { houseNumber: '12,5' }, 'houseNumber', 'house_number_malformed'],
    ['house number 0', { houseNumber: '0' }, 'houseNumber', 'house_number_out_of_range'],
    ['house number 000', { houseNumber: '000' }, 'houseNumber', 'house_number_out_of_range'],
    ['house number 100000', { houseNumber: '100000' }, 'houseNumber', 'house_number_out_of_range'],
    [
      'house number addition too long',
      { houseNumber: '12 achterhuis' },
      'houseNumber',
      'house_number_addition_too_long',
    ],
  ];
  for (const [label, input, field, code] of table) {
    test(label, () => assert.deepEqual(errorsOf(input), [{ field, code }]));
  }

  test('every field that is wrong gets its own error, in field order', () => {
    assert.deepEqual(errorsOf({ firstName: '', birthDate: 'x', postcode: '9711', houseNumber: 'a' }), [
      { field: 'firstName', code: 'first_name_required' },
      { field: 'birthDate', code: 'birth_date_malformed' },
      { field: 'postcode', code: 'postcode_incomplete' },
      { field: 'houseNumber', code: 'house_number_malformed' },
    ]);
  });

  test('every error code has a Dutch and an English message; Dutch comes first', () => {
    for (const [code, message] of Object.entries(childIdentityMessages)) {
      assert.deepEqual(Object.keys(message), ['nl', 'en'], code);
      assert.ok(message.nl.length > 10 && message.en.length > 10, code);
    }
  });

  test('errors carry both messages and localise to the platform’s field errors', () => {
    const result = normaliseChildIdentity({ ...base, postcode: '1234 SS' }, today);
    assert.ok(!result.ok);
    assert.deepEqual(result.errors[0]?.message, childIdentityMessages.postcode_not_issued);
    assert.deepEqual(localiseChildIdentityErrors(result.errors, 'en'), [
      {
        field: 'postcode',
        code: 'postcode_not_issued',
        message: 'Postcodes with the letters SA, SD or SS do not exist. Check that you typed it correctly.',
      },
    ]);
    assert.match(localiseChildIdentityErrors(result.errors, 'nl')[0]!.message, /bestaan niet/);
  });

  test('any value at all, of any type, gives a result and never throws', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), fc.anything(), (a, b, c, d) => {
        const input = { firstName: a, birthDate: b, postcode: c, houseNumber: d } as ChildIdentityInput;
        const result = normaliseChildIdentity(input, today);
        assert.equal(typeof result.ok, 'boolean');
      }),
      { numRuns: 300 },
    );
  });

  test('any text at all gives a result and never throws', () => {
    fc.assert(
      fc.property(
        anyText(30),
        anyText(12),
        anyText(10),
        anyText(10),
        (firstName, birthDate, postcode, houseNumber) => {
          const result = normaliseChildIdentity({ firstName, birthDate, postcode, houseNumber }, today);
          if (!result.ok) assert.ok(result.errors.length > 0);
        },
      ),
      { numRuns: 200 },
    );
  });

  test('a malformed today, or an empty secret, is a programming error and throws', () => {
    assert.throws(() => normaliseChildIdentity(base, '01-06-2025'), RangeError);
    assert.throws(() => normaliseChildIdentity(base, '2025-02-30'), RangeError);
    assert.throws(() => childKey('', normalised({})), RangeError);
  });
});

// ---- Properties ----------------------------------------------------------------------------------------

/** Accented forms a person might type for a plain letter; all of them normalise to the letter. */
const accented: Record<string, string[]> = {
  a: ['á', 'à', 'ä', 'â', 'å', 'a\u0301'],
  e: ['é', 'è', 'ë', 'ê', 'e\u0308'],
  i: ['í', 'ï', 'î'],
  o: ['ó', 'ö', 'ô', 'ø'],
  u: ['ú', 'ü', 'û'],
  n: ['ñ'],
  c: ['ç'],
  y: ['ÿ', 'ý'],
};
const plainName = fc.stringMatching(/^[a-z]{2,12}$/);
const space = fc.constantFrom('', ' ', '  ', '\t', '\u00A0');

/** One way of typing a plain name: any case, any accents, spaces around, more given names after it. */
const typedVariant = (name: string) =>
  fc
    .tuple(
      fc.array(fc.tuple(fc.boolean(), fc.nat()), { minLength: name.length, maxLength: name.length }),
      space,
      space,
      fc.constantFrom('', ' Sophie', ' Maria Johanna', ' 2e'),
    )
    .map(([choices, before, after, more]) => {
      const letters = [...name].map((letter, i) => {
        const [upper, pick] = choices[i]!;
        const forms = accented[letter];
        const typed = forms && pick % 3 === 0 ? forms[pick % forms.length]! : letter;
        return upper ? typed.toUpperCase() : typed;
      });
      return `${before}${letters.join('')}${after}${more}`;
    });

const birthDate = fc
  .date({ min: new Date('1999-01-01T00:00:00Z'), max: new Date('2025-06-01T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const postcode = fc
  .tuple(fc.integer({ min: 1000, max: 9999 }), fc.stringMatching(/^[A-Z]{2}$/))
  .filter(([, letters]) => !['SA', 'SD', 'SS'].includes(letters))
  .map(([digits, letters]) => `${digits}${letters}`);
const houseNumber = fc.integer({ min: 1, max: 99_999 });

const identityArbitrary = fc.record({
  firstName: plainName,
  birthDate,
  postcode,
  houseNumber: houseNumber.map(String),
});

describe('child key: properties', () => {
  test('normalisation is idempotent: normalising the normalised parts changes nothing', () => {
    fc.assert(
      fc.property(
        fc.record({
          firstName: fc.oneof(plainName.chain(typedVariant), fc.string({ unit: 'grapheme', maxLength: 20 })),
          birthDate,
          postcode: postcode.map((p) => `${p.slice(0, 4)} ${p.slice(4).toLowerCase()}`),
          houseNumber: fc
            .tuple(houseNumber, fc.constantFrom('', 'a', '-2', ' bis', ' hs', 'A-1'))
            .map(([n, addition]) => `${n}${addition}`),
        }),
        (input) => {
          const first = normaliseChildIdentity(input, today);
          fc.pre(first.ok);
          if (!first.ok) return;
          const { firstGivenName, houseNumber, houseNumberAddition } = first.identity;
          const again = normaliseChildIdentity(
            {
              firstName: firstGivenName,
              birthDate: first.identity.birthDate,
              postcode: first.identity.postcode,
              houseNumber: houseNumberAddition
                ? `${houseNumber}-${houseNumberAddition}`
                : String(houseNumber),
            },
            today,
          );
          assert.ok(again.ok);
          assert.deepEqual(again.identity, first.identity);
        },
      ),
      { numRuns: 500 },
    );
  });

  test('the first given name is idempotent for any Unicode text', () => {
    fc.assert(
      fc.property(anyText(20), (text) => {
        const first = normaliseFirstGivenName(text);
        if (first.ok) assert.deepEqual(normaliseFirstGivenName(first.name), first);
      }),
      { numRuns: 2000 },
    );
  });

  test('the first given name is idempotent for every single code point', () => {
    // A character that is not part of a word even after NFKD only ends the word "A": nothing to check.
    const wordPart = /[\p{L}\p{M}\p{Pd}]/u;
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      const character = String.fromCodePoint(codePoint);
      if (!wordPart.test(character.normalize('NFKD'))) continue;
      const first = normaliseFirstGivenName(`A${character}b`);
      if (first.ok) assert.deepEqual(normaliseFirstGivenName(first.name), first, codePoint.toString(16));
    }
  });

  test('the normalised name holds only letters, so "|" can never occur in it', () => {
    fc.assert(
      fc.property(anyText(20), (text) => {
        const first = normaliseFirstGivenName(`${text}|x|${text}`);
        if (first.ok) assert.match(first.name, /^\p{L}+$/u);
      }),
      { numRuns: 1000 },
    );
  });

  test('whitespace, case and accent variants of the same child give the same key', () => {
    fc.assert(
      fc.property(
        identityArbitrary.chain((identity) =>
          fc.tuple(
            fc.constant(identity),
            typedVariant(identity.firstName),
            fc.tuple(space, space, space, fc.boolean()),
          ),
        ),
        ([identity, typedName, [before, middle, after, lower]]) => {
          const p = identity.postcode;
          const typedPostcode = `${before}${p.slice(0, 4)}${middle}${lower ? p.slice(4).toLowerCase() : p.slice(4)}${after}`;
          const typed = {
            firstName: typedName,
            birthDate: ` ${identity.birthDate}`,
            postcode: typedPostcode,
            houseNumber: `${before}0${identity.houseNumber}${after}`,
          };
          assert.equal(keyOf(typed), keyOf(identity));
        },
      ),
      { numRuns: 300 },
    );
  });

  test('a different name, birth date, postcode or house number gives a different key', () => {
    const part = (input: ChildIdentityInput, field: ChildIdentityField) => {
      const identity = normalised(input);
      return field === 'firstName' ? identity.firstGivenName : String(identity[field]);
    };
    fc.assert(
      fc.property(identityArbitrary, identityArbitrary, (a, b) => {
        for (const field of ['firstName', 'birthDate', 'postcode', 'houseNumber'] as const) {
          const changed = { ...a, [field]: b[field] };
          if (part(changed, field) === part(a, field)) continue;
          assert.notEqual(keyOf(changed), keyOf(a), field);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('a different secret gives a different key', () => {
    fc.assert(
      fc.property(
        identityArbitrary,
        fc.string({ minLength: 1 }),
        fc.string({ minLength: 1 }),
        (identity, s1, s2) => {
          fc.pre(s1 !== s2);
          assert.notEqual(keyOf(identity, s1), keyOf(identity, s2));
        },
      ),
      { numRuns: 300 },
    );
  });

  test('the encoding is unambiguous: the key input splits back into exactly its five fields', () => {
    fc.assert(
      fc.property(identityArbitrary, anyText(20), (input, name) => {
        const named = normaliseFirstGivenName(name);
        const identity = normalised({ ...input, firstName: named.ok ? name : input.firstName });
        assert.deepEqual(childKeyInput(identity).split('|'), [
          'ck1',
          identity.firstGivenName,
          identity.birthDate,
          identity.postcode,
          String(identity.houseNumber),
        ]);
      }),
      { numRuns: 500 },
    );
  });

  test('every key has the ck1 form, and isChildKey recognises it', () => {
    fc.assert(
      fc.property(identityArbitrary, fc.string({ minLength: 1 }), (identity, secret) => {
        const key = keyOf(identity, secret);
        assert.match(key, CHILD_KEY_PATTERN);
        assert.ok(isChildKey(key));
      }),
      { numRuns: 200 },
    );
    for (const notAKey of [
      '',
      'ck1_',
      `ck2_${'a'.repeat(64)}`,
      `ck1_${'A'.repeat(64)}`,
      `ck1_${'a'.repeat(63)}`,
      42,
    ])
      assert.equal(isChildKey(notAKey), false, String(notAKey));
  });
});
