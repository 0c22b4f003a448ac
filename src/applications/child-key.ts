import { createHmac } from 'node:crypto';
import { isCalendarDate } from '../platform/clock.ts';
import type { Locale, Translations } from '../platform/i18n.ts';
import type { FieldError } from '../platform/validation.ts';

/**
 * The child key: one pseudonym per child, the same at every organisation, so the reach monitor can count
 * children rather than deliveries. Partners compute it on their own machines, so every rule below is part of
 * a published specification (docs/child-key.md) and versioned: a change to any rule is a new version
 * (`ck2`), never an edit of this one. The fixed test vectors in child-key.test.ts fail on any change.
 */
export const CHILD_KEY_VERSION = 'ck1';

/** `ck1_` and 64 lower-case hex digits of HMAC-SHA256. */
export const CHILD_KEY_PATTERN = /^ck1_[0-9a-f]{64}$/;

/** A birth date more than this many years before today is a typing mistake (youth schemes run "tot 27"). */
export const MAX_AGE_YEARS = 27;
export const MAX_FIRST_NAME_LENGTH = 200;
/** A BAG address has at most a letter and a 4-character addition; 8 leaves room for "BIS", "HS", "2HOOG". */
export const MAX_ADDITION_LENGTH = 8;
export const MAX_HOUSE_NUMBER = 99_999;

/** As typed by a parent, an intermediary or in a partner's file. */
export type ChildIdentityInput = {
  /** The first-name field: one or more given names; only the first is used. */
  firstName: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  /** Six-character Dutch postcode, any spacing and case. */
  postcode: string;
  /** The number with any addition: "12", "12a", "12-2", "12 bis". */
  houseNumber: string;
};

declare const normalised: unique symbol;

/** Only normaliseChildIdentity makes these, so a key is never computed over unnormalised text. */
export type NormalisedChildIdentity = {
  /** Lower-case letters only: "José María" → "jose", "Anne-Marie" → "annemarie". */
  readonly firstGivenName: string;
  readonly birthDate: string;
  /** "1234AB". */
  readonly postcode: string;
  /** 1 to 99999. */
  readonly houseNumber: number;
  /** "A", "2", "BIS", "HS" or "": kept for the application, and deliberately not part of the key. */
  readonly houseNumberAddition: string;
  readonly [normalised]: true;
};

export type ChildIdentityField = keyof ChildIdentityInput;

export type ChildIdentityError = {
  field: ChildIdentityField;
  code: ChildIdentityErrorCode;
  message: Translations<string>;
};

export const childIdentityMessages = {
  first_name_required: {
    nl: 'Vul de voornaam van het kind in.',
    en: "Enter the child's first name.",
  },
  first_name_too_long: {
    nl: `Deze naam is te lang. Vul alleen de voornamen in, in hoogstens ${MAX_FIRST_NAME_LENGTH} tekens.`,
    en: `This name is too long. Enter only the first names, in at most ${MAX_FIRST_NAME_LENGTH} characters.`,
  },
  first_name_no_letters: {
    nl: 'Een voornaam bestaat uit letters. Kijk of je hem goed hebt getypt.',
    en: 'A first name is made of letters. Check that you typed it correctly.',
  },
  first_name_initial: {
    nl: 'Vul de eerste voornaam helemaal in. Eén letter is niet genoeg.',
    en: 'Enter the whole first given name. One letter is not enough.',
  },
  birth_date_required: {
    nl: 'Vul de geboortedatum van het kind in.',
    en: "Enter the child's date of birth.",
  },
  birth_date_malformed: {
    nl: 'Schrijf de geboortedatum als jaar-maand-dag, zoals 2015-03-28.',
    en: 'Write the date of birth as year-month-day, like 2015-03-28.',
  },
  birth_date_not_a_date: {
    nl: 'Deze datum bestaat niet. Kijk of je hem goed hebt getypt.',
    en: 'This date does not exist. Check that you typed it correctly.',
  },
  birth_date_in_future: {
    nl: 'Deze geboortedatum ligt in de toekomst. Kijk of je hem goed hebt getypt.',
    en: 'This date of birth is in the future. Check that you typed it correctly.',
  },
  birth_date_too_long_ago: {
    nl: `Volgens deze geboortedatum is het kind ouder dan ${MAX_AGE_YEARS} jaar. Kijk of hij klopt.`,
    en: `By this date of birth the child is older than ${MAX_AGE_YEARS}. Check that it is right.`,
  },
  postcode_required: {
    nl: 'Vul de postcode in. Bijvoorbeeld: 9711 AB.',
    en: 'Enter the postcode. For example: 9711 AB.',
  },
  postcode_incomplete: {
    nl: 'Vul de hele postcode in: 4 cijfers en 2 letters, zoals 9711 AB.',
    en: 'Enter the whole postcode: 4 digits and 2 letters, like 9711 AB.',
  },
  postcode_malformed: {
    nl: 'Deze postcode klopt niet. Een postcode heeft 4 cijfers en 2 letters, zoals 9711 AB.',
    en: 'This postcode is not valid. A postcode has 4 digits and 2 letters, like 9711 AB.',
  },
  postcode_not_issued: {
    nl: 'Postcodes met de letters SA, SD of SS bestaan niet. Kijk of je de postcode goed hebt getypt.',
    en: 'Postcodes with the letters SA, SD or SS do not exist. Check that you typed it correctly.',
  },
  house_number_required: {
    nl: 'Vul het huisnummer in.',
    en: 'Enter the house number.',
  },
  house_number_malformed: {
    nl: 'Vul het huisnummer in met cijfers, en eventueel een toevoeging. Bijvoorbeeld: 12, 12a of 12-2.',
    en: 'Enter the house number in digits, with any addition. For example: 12, 12a or 12-2.',
  },
  house_number_out_of_range: {
    nl: `Een huisnummer is een getal van 1 tot en met ${MAX_HOUSE_NUMBER}.`,
    en: `A house number is a number from 1 to ${MAX_HOUSE_NUMBER}.`,
  },
  house_number_addition_too_long: {
    nl: `De toevoeging na het huisnummer is te lang: hoogstens ${MAX_ADDITION_LENGTH} letters of cijfers.`,
    en: `The addition after the house number is too long: at most ${MAX_ADDITION_LENGTH} letters or digits.`,
  },
} satisfies Record<string, Translations<string>>;

export type ChildIdentityErrorCode = keyof typeof childIdentityMessages;

function fieldError(field: ChildIdentityField, code: ChildIdentityErrorCode): ChildIdentityError {
  return { field, code, message: childIdentityMessages[code] };
}

/** The errors in one language, in the platform's field-error shape (forms, problem+json). */
export function localiseChildIdentityErrors(
  errors: readonly ChildIdentityError[],
  locale: Locale,
): FieldError[] {
  return errors.map(({ field, code, message }) => ({ field, code, message: message[locale] }));
}

// ---- First given name ----------------------------------------------------------------------------------

/**
 * Deleted before NFKD (which would turn ´ into a space and a combining accent) and again after it (which
 * makes ʼ of ŉ, and ʹ of U+0374): "D'Angelo", "D’Angelo" and "D´Angelo" are all "dangelo".
 */
const APOSTROPHES = /[\u0027\u0060\u00B4\u02B9\u02BB\u02BC\u02BD\u2018\u2019\u201B\u2032\uFF07]/gu;
/** A word: letters, combining marks and dashes; anything else (space, comma, full stop, digit) ends it. */
const WORD = /[\p{L}\p{M}\p{Pd}]+/gu;
const LETTER = /\p{L}/u;
const MARKS_AND_DASHES = /[\p{M}\p{Pd}]/gu;
/**
 * Letters that NFKD does not decompose but that people often type without the stroke or ligature; after
 * lower-casing. The Dutch ij ligature (ĳ, U+0133) needs no entry: NFKD already makes it "ij".
 */
const FOLD: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ς: 'σ',
};
const FOLDED = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'gu');

export type FirstGivenName =
  { ok: true; name: string } | { ok: false; code: 'first_name_no_letters' | 'first_name_initial' };

/**
 * The first given name of a first-name field, normalised (ck1): delete apostrophes, NFKD, delete apostrophes
 * again; take the first word that has a letter (a hyphenated name stays one word); delete combining marks
 * and dashes; lower-case; fold the letters in FOLD. "  Zoë Anne" → "zoe", "Anne-Marie" → "annemarie", "José María" → "jose".
 */
export function normaliseFirstGivenName(text: string): FirstGivenName {
  const words = text.replace(APOSTROPHES, '').normalize('NFKD').replace(APOSTROPHES, '').match(WORD) ?? [];
  const first = words.find((word) => LETTER.test(word));
  if (first === undefined) return { ok: false, code: 'first_name_no_letters' };
  const name = first
    .replace(MARKS_AND_DASHES, '')
    .toLowerCase()
    .replace(FOLDED, (letter) => FOLD[letter] ?? letter);
  // A single letter is an initial ("J." or "J"): keying it would split a child from their full name.
  if ([...name].length < 2) return { ok: false, code: 'first_name_initial' };
  return { ok: true, name };
}

// ---- Birth date ------------------------------------------------------------------------------------------

/** The earliest birth date accepted on `today`: the same month and day, MAX_AGE_YEARS earlier. */
function earliestBirthDate(today: string): string {
  const year = Number(today.slice(0, 4)) - MAX_AGE_YEARS;
  return `${String(year).padStart(4, '0')}${today.slice(4)}`;
}

function birthDateError(text: string, today: string): ChildIdentityErrorCode | null {
  if (text === '') return 'birth_date_required';
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(text)) return 'birth_date_malformed';
  if (!isCalendarDate(text)) return 'birth_date_not_a_date';
  if (text > today) return 'birth_date_in_future';
  // String order is date order for YYYY-MM-DD; on 29 February the bound "YYYY-02-29" sorts correctly too.
  if (text < earliestBirthDate(today)) return 'birth_date_too_long_ago';
  return null;
}

// ---- Postcode --------------------------------------------------------------------------------------------

/** PostNL never issues these letter pairs after the digits. */
const UNISSUED_POSTCODE_LETTERS = new Set(['SA', 'SD', 'SS']);

const upperAscii = (text: string) => text.replace(/[a-z]/g, (letter) => letter.toUpperCase());

function parsePostcode(text: string): { postcode: string } | { code: ChildIdentityErrorCode } {
  const compact = upperAscii(text.replace(/\s/g, ''));
  if (compact === '') return { code: 'postcode_required' };
  if (/^[1-9][0-9]{3}$/.test(compact)) return { code: 'postcode_incomplete' };
  if (!/^[1-9][0-9]{3}[A-Z]{2}$/.test(compact)) return { code: 'postcode_malformed' };
  if (UNISSUED_POSTCODE_LETTERS.has(compact.slice(4))) return { code: 'postcode_not_issued' };
  return { postcode: compact };
}

// ---- House number ----------------------------------------------------------------------------------------

/** Between the number and its addition, and inside it: spaces, dashes (also – and —), "/" and ".". */
const ADDITION_SEPARATORS = /[\s\p{Pd}/.]/gu;

function parseHouseNumber(
  text: string,
): { houseNumber: number; addition: string } | { code: ChildIdentityErrorCode } {
  if (text === '') return { code: 'house_number_required' };
  const match = /^([0-9]+)(.*)$/su.exec(text);
  if (!match) return { code: 'house_number_malformed' };
  const digits = match[1]!.replace(/^0+/, '');
  const addition = upperAscii(match[2]!.replace(ADDITION_SEPARATORS, ''));
  if (!/^[A-Z0-9]*$/.test(addition)) return { code: 'house_number_malformed' };
  if (digits === '' || digits.length > 5) return { code: 'house_number_out_of_range' };
  if (addition.length > MAX_ADDITION_LENGTH) return { code: 'house_number_addition_too_long' };
  return { houseNumber: Number(digits), addition };
}

// ---- The identity and the key ----------------------------------------------------------------------------

export type ChildIdentityResult =
  { ok: true; identity: NormalisedChildIdentity } | { ok: false; errors: ChildIdentityError[] };

/** Text as given, with surrounding white space removed; anything not a string counts as not given. */
const given = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * Checks and normalises what identifies a child for the key. Never throws on what a person typed: each field
 * that is wrong gets one error. `today` (YYYY-MM-DD, the Dutch calendar date) bounds the birth date; it is a
 * parameter so the function stays pure, and a malformed `today` is a programming error that throws.
 */
export function normaliseChildIdentity(input: ChildIdentityInput, today: string): ChildIdentityResult {
  if (!isCalendarDate(today)) throw new RangeError(`today must be a YYYY-MM-DD date, not "${today}"`);
  const errors: ChildIdentityError[] = [];

  const firstNameText = given(input.firstName);
  let firstGivenName = '';
  if (firstNameText === '') errors.push(fieldError('firstName', 'first_name_required'));
  else if ([...firstNameText].length > MAX_FIRST_NAME_LENGTH)
    errors.push(fieldError('firstName', 'first_name_too_long'));
  else {
    const name = normaliseFirstGivenName(firstNameText);
    if (name.ok) firstGivenName = name.name;
    else errors.push(fieldError('firstName', name.code));
  }

  const birthDate = given(input.birthDate);
  const birthDateCode = birthDateError(birthDate, today);
  if (birthDateCode) errors.push(fieldError('birthDate', birthDateCode));

  const postcode = parsePostcode(given(input.postcode));
  if ('code' in postcode) errors.push(fieldError('postcode', postcode.code));

  const house = parseHouseNumber(given(input.houseNumber));
  if ('code' in house) errors.push(fieldError('houseNumber', house.code));

  if (errors.length > 0 || 'code' in postcode || 'code' in house) return { ok: false, errors };
  const identity = {
    firstGivenName,
    birthDate,
    postcode: postcode.postcode,
    houseNumber: house.houseNumber,
    houseNumberAddition: house.addition,
  } as NormalisedChildIdentity;
  return { ok: true, identity };
}

/**
 * The exact text the key is computed over, before UTF-8 encoding: "ck1|jose|2015-03-28|1234AB|12". No
 * normalised field can contain "|" (a name is letters only), so the joined text is unambiguous. The house
 * number's addition is left out on purpose: see docs/child-key.md.
 */
export function childKeyInput(identity: NormalisedChildIdentity): string {
  return [
    CHILD_KEY_VERSION,
    identity.firstGivenName,
    identity.birthDate,
    identity.postcode,
    String(identity.houseNumber),
  ].join('|');
}

/**
 * `ck1_` + lower-case hex of HMAC-SHA256, keyed with the UTF-8 bytes of the child-key secret, over the UTF-8
 * bytes of childKeyInput. The same secret everywhere gives the same key everywhere; an empty secret throws.
 */
export function childKey(secret: string, identity: NormalisedChildIdentity): string {
  if (typeof secret !== 'string' || secret === '') throw new RangeError('The child-key secret is empty');
  const mac = createHmac('sha256', Buffer.from(secret, 'utf8'))
    .update(Buffer.from(childKeyInput(identity), 'utf8'))
    .digest('hex');
  return `${CHILD_KEY_VERSION}_${mac}`;
}

/** Normalise and key in one step, for callers that only need the key (a delivery's statistical record). */
export function childKeyFor(
  secret: string,
  input: ChildIdentityInput,
  today: string,
):
  { ok: true; key: string; identity: NormalisedChildIdentity } | { ok: false; errors: ChildIdentityError[] } {
  const result = normaliseChildIdentity(input, today);
  if (!result.ok) return result;
  return { ok: true, key: childKey(secret, result.identity), identity: result.identity };
}

export function isChildKey(text: unknown): text is string {
  return typeof text === 'string' && CHILD_KEY_PATTERN.test(text);
}
