import type { Translations } from '../platform/i18n.ts';
import type { Role } from './roles.ts';

export const identityMessages: Translations<{
  signInTitle: string;
  email: string;
  password: string;
  signIn: string;
  signInFailed: string;
  forStaff: string;
  codeTitle: string;
  codeLabel: string;
  codeHint: string;
  codeWrong: string;
  confirm: string;
  enrolTitle: string;
  enrolIntro: string;
  enrolSecret: string;
  enrolLink: string;
  staffTitle: (name: string) => string;
  yourRoles: string;
  yourTasks: string;
  sessionEnds: (time: string) => string;
  sessionWarning: (time: string) => string;
  extend: string;
  signOut: string;
  signOutEverywhere: string;
  invitationTitle: string;
  invitationIntro: (name: string) => string;
  newPassword: string;
  newPasswordHint: string;
  passwordProblems: Record<'too_short' | 'too_long' | 'contains_email', string>;
  invitationInvalid: string;
  setPassword: string;
  roles: Record<Role, string>;
  noRoles: string;
  formExpired: string;
  toStaffHome: string;
  forgotPassword: string;
  passwordChanged: string;
}> = {
  nl: {
    signInTitle: 'Inloggen voor medewerkers',
    email: 'E-mailadres',
    password: 'Wachtwoord',
    signIn: 'Inloggen',
    signInFailed:
      'Het e-mailadres of wachtwoord klopt niet, of er waren te veel pogingen. Probeer het opnieuw of wacht 15 minuten.',
    forStaff:
      'Dit is voor medewerkers van scholen, hulpverleners, fondsen en gemeenten. Ouders hoeven niet in te loggen.',
    codeTitle: 'Vul de code uit je app in',
    codeLabel: 'Code van 6 cijfers',
    codeHint: 'Open de authenticator-app op je telefoon. De code verandert elke 30 seconden.',
    codeWrong: 'Deze code klopt niet. Vul de code in die je app nu laat zien.',
    confirm: 'Bevestigen',
    enrolTitle: 'Stel een tweede stap in',
    enrolIntro:
      'Medewerkers loggen in met een wachtwoord én een code uit een app, zoals een authenticator-app op je telefoon. Voeg Meedoen toe in die app met deze sleutel, en vul daarna de code in.',
    enrolSecret: 'Sleutel om in de app te typen',
    enrolLink: 'Open in je authenticator-app (op je telefoon)',
    staffTitle: (name) => `Welkom, ${name}`,
    yourRoles: 'Je rollen',
    yourTasks: 'Wat wil je doen?',
    sessionEnds: (time) => `Je wordt om ${time} uitgelogd als je niets doet.`,
    sessionWarning: (time) => `Let op: je wordt om ${time} uitgelogd. Wil je ingelogd blijven?`,
    extend: 'Ingelogd blijven',
    signOut: 'Uitloggen',
    signOutEverywhere: 'Uitloggen op alle apparaten',
    invitationTitle: 'Maak je account af',
    invitationIntro: (name) => `Welkom, ${name}. Kies een wachtwoord. Daarna stel je de tweede stap in.`,
    newPassword: 'Nieuw wachtwoord',
    newPasswordHint: 'Minstens 12 tekens. Een zin van een paar woorden is goed te onthouden.',
    passwordProblems: {
      too_short: 'Je wachtwoord is te kort. Gebruik minstens 12 tekens.',
      too_long: 'Je wachtwoord is te lang. Gebruik hoogstens 200 tekens.',
      contains_email: 'Gebruik je e-mailadres niet in je wachtwoord.',
    },
    invitationInvalid: 'Deze link werkt niet meer. Vraag een nieuwe uitnodiging aan.',
    setPassword: 'Wachtwoord opslaan',
    roles: {
      intermediary: 'Intermediair',
      handler: 'Behandelaar',
      coordinator: 'Coördinator',
      policy_officer: 'Beleidsmedewerker',
      national_analyst: 'Landelijk analist',
      privacy_officer: 'Privacyfunctionaris',
      researcher: 'Onderzoeker',
      platform_admin: 'Beheerder van het platform',
    },
    noRoles: 'Je hebt nog geen rol.',
    formExpired: 'Dit formulier is verlopen. Probeer het opnieuw.',
    toStaffHome: 'Naar je overzicht',
    forgotPassword: 'Wachtwoord vergeten?',
    passwordChanged: 'Je wachtwoord is gewijzigd. Log in met je nieuwe wachtwoord.',
  },
  en: {
    signInTitle: 'Sign in for staff',
    email: 'E-mail address',
    password: 'Password',
    signIn: 'Sign in',
    signInFailed:
      'The e-mail address or password is not right, or there were too many attempts. Try again or wait 15 minutes.',
    forStaff:
      'This is for staff of schools, social work, charities and municipalities. Parents do not need to sign in.',
    codeTitle: 'Enter the code from your app',
    codeLabel: '6-digit code',
    codeHint: 'Open the authenticator app on your phone. The code changes every 30 seconds.',
    codeWrong: 'This code is not right. Enter the code your app shows now.',
    confirm: 'Confirm',
    enrolTitle: 'Set up a second step',
    enrolIntro:
      'Staff sign in with a password and a code from an app, such as an authenticator app on your phone. Add Meedoen to that app with this key, then enter the code.',
    enrolSecret: 'Key to type into the app',
    enrolLink: 'Open in your authenticator app (on your phone)',
    staffTitle: (name) => `Welcome, ${name}`,
    yourRoles: 'Your roles',
    yourTasks: 'What would you like to do?',
    sessionEnds: (time) => `You will be signed out at ${time} if you do nothing.`,
    sessionWarning: (time) =>
      `Please note: you will be signed out at ${time}. Do you want to stay signed in?`,
    extend: 'Stay signed in',
    signOut: 'Sign out',
    signOutEverywhere: 'Sign out on all devices',
    invitationTitle: 'Finish your account',
    invitationIntro: (name) => `Welcome, ${name}. Choose a password. Then you set up the second step.`,
    newPassword: 'New password',
    newPasswordHint: 'At least 12 characters. A sentence of a few words is easy to remember.',
    passwordProblems: {
      too_short: 'Your password is too short. Use at least 12 characters.',
      too_long: 'Your password is too long. Use at most 200 characters.',
      contains_email: 'Do not use your e-mail address in your password.',
    },
    invitationInvalid: 'This link no longer works. Ask for a new invitation.',
    setPassword: 'Save password',
    roles: {
      intermediary: 'Intermediary',
      handler: 'Handler',
      coordinator: 'Coordinator',
      policy_officer: 'Policy officer',
      national_analyst: 'National analyst',
      privacy_officer: 'Privacy officer',
      researcher: 'Researcher',
      platform_admin: 'Platform administrator',
    },
    noRoles: 'You have no role yet.',
    formExpired: 'This form has expired. Please try again.',
    toStaffHome: 'To your overview',
    forgotPassword: 'Forgot your password?',
    passwordChanged: 'Your password has been changed. Sign in with your new password.',
  },
};

/** The roles' names in both languages, for pages of other capabilities that show who did something. */
export const roleLabels = { nl: identityMessages.nl.roles, en: identityMessages.en.roles };
