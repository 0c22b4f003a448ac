import { defineActivity } from '../platform/processing-log/index.ts';

// Every processing of an application's personal data, per child (the subject is the child's key, so a
// data-subject request about a child finds all of them). Municipal schemes rest on a public task, charities
// on the family's consent; the register says both, the application records which consent was given.
const legalBasis = {
  nl: 'Toestemming van de ouder of jongere (AVG art. 6 lid 1 sub a); voor gemeentelijke regelingen de publieke taak (art. 6 lid 1 sub e)',
  en: 'Consent of the parent or young person (GDPR art. 6(1)(a)); for municipal schemes the public task (art. 6(1)(e))',
};

export const submitActivity = defineActivity({
  code: 'applications.submit',
  purpose: {
    nl: 'Een aanvraag voor een kind ontvangen en naar de organisatie sturen die hem behandelt',
    en: 'Receiving an application for a child and routing it to the organisation that handles it',
  },
  legalBasis,
  subjectKind: 'child',
});

export const handleActivity = defineActivity({
  code: 'applications.handle',
  purpose: {
    nl: 'Een aanvraag beoordelen, erover beslissen en de levering vastleggen',
    en: 'Assessing an application, deciding on it and registering the delivery',
  },
  legalBasis,
  subjectKind: 'child',
});

export const trackActivity = defineActivity({
  code: 'applications.track',
  purpose: {
    nl: 'De ouder, jongere of hulpverlener laten zien hoe het met de aanvraag staat, en antwoorden ontvangen',
    en: 'Showing the parent, young person or intermediary how the application stands, and receiving answers',
  },
  legalBasis,
  subjectKind: 'child',
});

export const retentionActivity = defineActivity({
  code: 'applications.erase',
  purpose: {
    nl: 'Persoonsgegevens van een afgesloten aanvraag wissen na de bewaartermijn',
    en: 'Erasing the personal data of a closed application after the retention term',
  },
  legalBasis: {
    nl: 'Opslagbeperking (AVG art. 5 lid 1 sub e)',
    en: 'Storage limitation (GDPR art. 5(1)(e))',
  },
  subjectKind: 'child',
});

// A draft holds what a family or intermediary typed before sending. Its subject is the draft itself: the
// children may not be named yet. Drafts live at most 30 days and go when the application is sent.
export const draftActivity = defineActivity({
  code: 'applications.draft',
  purpose: {
    nl: 'Bewaren wat bij een aanvraag al is ingevuld, zodat niets verloren gaat',
    en: 'Keeping what has been filled in for an application, so nothing is lost',
  },
  legalBasis,
  subjectKind: 'application-draft',
});
