export { nextAttemptDelayMs } from './backoff.ts';
export {
  enqueueMail,
  findMail,
  listOutbox,
  checkedMail,
  MAX_ATTEMPTS,
  type MailInput,
  type OutboxEntry,
  type OutboxStatus,
} from './outbox.ts';
export { createMailSender, type MailLog, type MailSender, type MailSenderOptions } from './sender.ts';
export {
  redactSpentLinks,
  registerSingleUseLinks,
  SENT_LINK,
  SPENT_LINK,
  withoutSingleUseLinks,
  type SingleUseLinks,
} from './single-use-links.ts';
