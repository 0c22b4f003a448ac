import { Layout, type PageContext } from '../platform/views/layout.tsx';

/** Where every figure and list on the site comes from; CBS open data is reused under CC BY 4.0. */
export function SourcesPage({ context }: { context: PageContext }) {
  if (context.locale === 'en') {
    return (
      <Layout context={context} title="About the data">
        <h1 class="utrecht-heading-1">About the data</h1>
        <h2 class="utrecht-heading-2">Municipalities and postcodes</h2>
        <p class="utrecht-paragraph">
          Source: CBS (Statistics Netherlands). The list of the 342 municipalities comes from the CBS
          municipal division of 1 January 2025. Which municipality a postcode belongs to comes from the CBS
          file "Buurt, wijk en gemeente 2023 voor postcode huisnummer". Some postcode areas lie in two
          municipalities; then you choose your own. CBS open data may be reused with attribution (CC BY 4.0).
        </p>
        <p class="utrecht-paragraph">
          The national figures on children in poverty, against the target path, are on{' '}
          <a class="utrecht-link" href="/armoede?lang=en">
            Children in poverty: the trend
          </a>
          .
        </p>
        <p class="utrecht-paragraph">
          How many children the help reaches, per municipality and against the targets, is on{' '}
          <a class="utrecht-link" href="/bereik?lang=en">
            Reach in all municipalities
          </a>
          . Target groups: Source: CBS (estimates: Meedoen calculation from CBS figures).
        </p>
        <h2 class="utrecht-heading-2">The catalogue of help</h2>
        <p class="utrecht-paragraph">
          The help shown now is example data, modelled on the national charities of SAM& (Stichting Leergeld,
          Jeugdfonds Sport & Cultuur, Stichting Jarige Job, Nationaal Fonds Kinderhulp) and on municipal
          schemes. It is marked "Example". Amounts and conditions are illustrative, not checked with the
          organisations. Each organisation will keep its own entries up to date; every entry shows when it was
          last checked.
        </p>
      </Layout>
    );
  }
  return (
    <Layout context={context} title="Over de gegevens">
      <h1 class="utrecht-heading-1">Over de gegevens</h1>
      <h2 class="utrecht-heading-2">Gemeenten en postcodes</h2>
      <p class="utrecht-paragraph">
        Bron: CBS. De lijst van de 342 gemeenten komt uit de gemeentelijke indeling van CBS op 1 januari 2025.
        Bij welke gemeente een postcode hoort, komt uit het CBS-bestand "Buurt, wijk en gemeente 2023 voor
        postcode huisnummer". Sommige postcodes liggen in twee gemeenten. Dan kies je zelf je gemeente. Open
        data van CBS mag je hergebruiken met bronvermelding (CC BY 4.0).
      </p>
      <p class="utrecht-paragraph">
        De landelijke cijfers over kinderen in armoede, naast het streefpad, staan op{' '}
        <a class="utrecht-link" href="/armoede">
          Kinderen in armoede: de trend
        </a>
        .
      </p>
      <p class="utrecht-paragraph">
        Hoeveel kinderen de hulp bereikt, per gemeente en naast het doel, staat op{' '}
        <a class="utrecht-link" href="/bereik">
          Bereik in alle gemeenten
        </a>
        . Doelgroepen: Bron: CBS (schattingen: bewerking Meedoen van CBS-cijfers).
      </p>
      <h2 class="utrecht-heading-2">De lijst met hulp</h2>
      <p class="utrecht-paragraph">
        De hulp die je nu ziet, zijn voorbeeldgegevens. Ze lijken op de hulp van de landelijke fondsen van
        SAM& (Stichting Leergeld, Jeugdfonds Sport & Cultuur, Stichting Jarige Job, Nationaal Fonds
        Kinderhulp) en op regelingen van gemeenten. Ze hebben het label "Voorbeeld". Bedragen en voorwaarden
        zijn bedacht als voorbeeld en niet gecontroleerd bij de organisaties. Straks houdt elke organisatie
        haar eigen hulp bij; bij elke hulp staat wanneer die voor het laatst is gecontroleerd.
      </p>
    </Layout>
  );
}
