import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import type { Visitor } from './browser.ts';

/** What every page has: a title, one h1, the footer, and (on forms) an error summary and field errors. */
abstract class SitePage {
  constructor(readonly visitor: Visitor) {}

  get page(): Page {
    return this.visitor.page;
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  get footer(): Locator {
    return this.page.getByRole('contentinfo');
  }

  get errorSummary(): Locator {
    return this.page.getByRole('alert').filter({ hasText: this.visitor.text.errorSummaryHeading });
  }

  /** The field (by id), its error message next to it, and the link to it in the error summary. */
  field(id: string): { input: Locator; error: Locator; summaryLink: Locator } {
    return {
      input: this.page.locator(`#${id}`),
      error: this.page.locator(`#${id}-error`),
      summaryLink: this.errorSummary.locator(`a[href="#${id}"]`),
    };
  }

  async title(): Promise<string> {
    return this.page.title();
  }

  /** The error pattern: summary with a link to the field, the message at the field, the typed value kept. */
  async expectFieldError(id: string, typed: string): Promise<void> {
    const { input, error, summaryLink } = this.field(id);
    const text = this.visitor.text;
    assert.ok((await this.title()).startsWith(text.errorTitlePrefix), `title "${await this.title()}"`);
    assert.ok(await this.errorSummary.isVisible(), 'the error summary is shown');
    assert.equal(await summaryLink.count(), 1, `the error summary links to #${id}`);
    assert.ok(await error.isVisible(), `the error message at #${id} is shown`);
    const message = (await error.innerText()).trim();
    assert.ok(message.length > 0, 'the field error says what is wrong');
    assert.equal((await summaryLink.innerText()).trim(), message, 'summary and field say the same');
    assert.equal(await input.inputValue(), typed, 'the typed value is kept');
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
    assert.ok(describedBy.split(' ').includes(`${id}-error`), 'the error is tied to the field');
    // The message sits next to its field: in the same form field as the input.
    const sameField = this.page.locator('.utrecht-form-field', { has: input }).locator(`#${id}-error`);
    assert.equal(await sameField.count(), 1, 'the error is next to its field');
  }
}

export class HomePage extends SitePage {
  get postcode(): Locator {
    return this.page.locator('#postcode');
  }

  get age(): Locator {
    return this.page.locator('#age');
  }

  get submit(): Locator {
    return this.page.getByRole('main').getByRole('button', { name: this.visitor.text.search });
  }

  static async open(visitor: Visitor): Promise<HomePage> {
    await visitor.goto('/', 'home');
    return new HomePage(visitor);
  }

  async search(postcode: string, age?: string): Promise<void> {
    await this.postcode.fill(postcode);
    if (age !== undefined) await this.age.fill(age);
    await this.visitor.navigate(`search ${JSON.stringify(postcode)}`, () => this.submit.click());
  }

  /** Searching for a postcode that lies in one municipality leads straight to its results. */
  async searchFor(postcode: string, age?: string): Promise<ResultsPage> {
    await this.search(postcode, age);
    return new ResultsPage(this.visitor);
  }

  async searchSplitPostcode(postcode: string, age?: string): Promise<ChooseMunicipalityPage> {
    await this.search(postcode, age);
    return new ChooseMunicipalityPage(this.visitor);
  }

  /** After a rejected search the same form comes back with the errors. */
  async searchExpectingError(postcode: string): Promise<HomePage> {
    await this.search(postcode);
    return this;
  }
}

export class ChooseMunicipalityPage extends SitePage {
  get options(): Locator {
    return this.page.getByRole('main').getByRole('radio');
  }

  option(municipality: string): Locator {
    const escaped = municipality.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.page.getByRole('radio', { name: new RegExp(`^${escaped}`) });
  }

  /** The municipality names, in the order offered (each label's first line; the second is the share). */
  async optionNames(): Promise<string[]> {
    const labels = await this.page.locator('main fieldset label').allInnerTexts();
    return labels.map((label) => label.split('\n')[0]!.trim());
  }

  async choose(municipality: string): Promise<ResultsPage> {
    await this.option(municipality).check();
    const button = this.page.getByRole('button', { name: this.visitor.text.chooseButton });
    await this.visitor.navigate(`results for ${municipality}`, () => button.click());
    return new ResultsPage(this.visitor);
  }
}

export class ResultsPage extends SitePage {
  static async open(visitor: Visitor, municipality: string, age?: number): Promise<ResultsPage> {
    const query = new URLSearchParams({ municipality });
    if (age !== undefined) query.set('age', String(age));
    await visitor.goto(`/voorzieningen?${query.toString()}`, 'results');
    return new ResultsPage(visitor);
  }

  get cards(): Locator {
    return this.page.getByRole('main').getByRole('article');
  }

  get exampleNotice(): Locator {
    return this.page.getByRole('main').getByRole('note').filter({ hasText: this.visitor.text.exampleNotice });
  }

  get age(): Locator {
    return this.page.locator('#age');
  }

  query(): URLSearchParams {
    return new URL(this.page.url()).searchParams;
  }

  async openFirstProvision(): Promise<{ name: string; detail: ProvisionPage }> {
    const link = this.cards.first().getByRole('heading').getByRole('link');
    const name = (await link.innerText()).trim();
    await this.visitor.navigate(`provision ${name}`, () => link.click());
    return { name, detail: new ProvisionPage(this.visitor) };
  }

  async filterByAge(age: string): Promise<ResultsPage> {
    await this.age.fill(age);
    const button = this.page.getByRole('button', { name: this.visitor.text.filterButton });
    await this.visitor.navigate(`results filtered on age ${age}`, () => button.click());
    return this;
  }
}

export class ProvisionPage extends SitePage {
  get exampleBadge(): Locator {
    return this.page.getByRole('main').getByText(this.visitor.text.exampleBadge, { exact: true });
  }

  get backLink(): Locator {
    return this.page.getByRole('link', { name: this.visitor.text.backToResults });
  }

  async back(): Promise<ResultsPage> {
    await this.visitor.navigate('back to results', () => this.backLink.click());
    return new ResultsPage(this.visitor);
  }
}
