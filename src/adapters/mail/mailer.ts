import nodemailer from 'nodemailer';
import type { Mail, Mailer } from '../../app/ports.ts';

export interface OutboxWriter {
  add(mail: Mail, sentAt: Date | null, error?: string): Promise<void>;
}

/**
 * Sends through SMTP when a server is configured; every message is also kept in the outbox, so
 * a fresh install with no mail server still shows its invitation and reset links to its admins.
 */
export function createMailer(options: {
  smtpUrl?: string | undefined;
  from: string;
  outbox: OutboxWriter;
}): Mailer {
  const transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  return {
    async send(mail: Mail) {
      if (!transport) {
        await options.outbox.add(mail, null);
        return;
      }
      try {
        await transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text });
        await options.outbox.add(mail, new Date());
      } catch (error) {
        await options.outbox.add(mail, null, error instanceof Error ? error.message : String(error));
      }
    },
  };
}
