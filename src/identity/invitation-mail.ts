/** The invitation e-mail: Dutch first, English below, plain text (readable in any mail program). */
export function invitationMail(input: { name: string; link: string }): { subject: string; body: string } {
  return {
    subject: 'Uitnodiging voor Meedoen / Invitation to Meedoen',
    body: [
      `Beste ${input.name},`,
      '',
      'Je bent uitgenodigd voor Meedoen. Maak je account af met deze link. De link werkt één keer, 7 dagen lang:',
      input.link,
      '',
      'Daarna stel je een tweede stap in met een authenticator-app op je telefoon.',
      '',
      '---',
      '',
      `Dear ${input.name},`,
      '',
      'You have been invited to Meedoen. Finish your account with this link. It works once, for 7 days:',
      input.link,
      '',
      'Then you set up a second step with an authenticator app on your phone.',
    ].join('\n'),
  };
}
