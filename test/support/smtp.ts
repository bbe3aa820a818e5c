/**
 * A real SMTP server for tests (the `smtp-server` package) on 127.0.0.1 and
 * a random port. It keeps every message it accepts, parsed as a mail client
 * would (mailparser), and can be told to refuse mail for a while.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

export async function startSmtpServer() {
  const received: ReceivedMail[] = [];
  let refusing: string | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (refusing) {
        const error = new Error(refusing) as Error & { responseCode: number };
        error.responseCode = 451;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? '',
            text: mail.text ?? ''
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** refuse every message with a temporary failure (451) until `accept` */
    refuse(reason = 'Mailbox busy, try again later') {
      refusing = reason;
    },
    accept() {
      refusing = null;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  };
}

export type SmtpTestServer = Awaited<ReturnType<typeof startSmtpServer>>;
