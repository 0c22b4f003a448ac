import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyPrecedence, type PrecedenceOption } from './precedence.ts';

const scheme: PrecedenceOption = { key: 'gemeente-sport', category: 'sport', handledBy: 'gemeente' };
const charity: PrecedenceOption = { key: 'fonds-sport', category: 'sport', handledBy: 'fonds' };
const charityCulture: PrecedenceOption = { key: 'fonds-cultuur', category: 'culture', handledBy: 'fonds' };
const unranked: PrecedenceOption = { key: 'club-sport', category: 'sport', handledBy: 'club' };
const otherScheme: PrecedenceOption = { key: 'gemeente-sport-2', category: 'sport', handledBy: 'gemeente' };

const ranks = new Map([
  ['gemeente', 1],
  ['fonds', 2],
]);

const cases: { label: string; options: PrecedenceOption[]; ranks: Map<string, number>; deferred: object }[] =
  [
    {
      label: 'the scheme comes first: the charity for the same kind of help is deferred to it',
      options: [charity, scheme],
      ranks,
      deferred: { 'fonds-sport': ['gemeente-sport'] },
    },
    {
      label: 'a different kind of help is not compared',
      options: [scheme, charityCulture],
      ranks,
      deferred: {},
    },
    {
      label: 'the charity alone is offered (the scheme is not possible for this child)',
      options: [charity],
      ranks,
      deferred: {},
    },
    {
      label: 'an organisation without a rank neither defers nor is deferred',
      options: [scheme, unranked, charity],
      ranks,
      deferred: { 'fonds-sport': ['gemeente-sport'] },
    },
    {
      label: 'no ranks configured: everything is offered',
      options: [scheme, charity],
      ranks: new Map(),
      deferred: {},
    },
    {
      label: 'equal ranks: both are offered',
      options: [scheme, charity],
      ranks: new Map([
        ['gemeente', 1],
        ['fonds', 1],
      ]),
      deferred: {},
    },
    {
      label: 'two provisions of the first organisation: the deferred one points at both',
      options: [scheme, otherScheme, charity],
      ranks,
      deferred: { 'fonds-sport': ['gemeente-sport', 'gemeente-sport-2'] },
    },
    {
      label: 'a lower number comes first, whatever the order of the list',
      options: [scheme, charity],
      ranks: new Map([
        ['gemeente', 5],
        ['fonds', 3],
      ]),
      deferred: { 'gemeente-sport': ['fonds-sport'] },
    },
  ];

describe('routing precedence', () => {
  for (const row of cases) {
    test(row.label, () => {
      assert.deepEqual(Object.fromEntries(applyPrecedence(row.options, row.ranks)), row.deferred);
    });
  }
});
