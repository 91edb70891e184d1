import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Server } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { CaughtMailTimeoutError, type CaughtMail, type CaughtMailPredicate } from './caught-mail';

export {
  CaughtMailTimeoutError,
  clearCaughtMail,
  findCaughtMail,
  readCaughtMail,
  waitForCaughtMail,
  type CaughtMail,
  type CaughtMailPredicate,
} from './caught-mail';

/**
 * A local SMTP server that accepts every message and keeps it in memory, for `npm run demo`
 * and the tests: invitations and sign-in links can then be followed without a real mail
 * server. It accepts mail for any address and shows it to anyone who can reach it, so both
 * listeners bind to loopback only and nothing here is meant for production.
 */
export interface MailCatcher {
  /** `smtp://127.0.0.1:<port>`, usable as SMTP_URL. */
  url: string;
  port: number;
  /** `http://127.0.0.1:<port>` of the read API: GET /messages, GET /messages/:id, DELETE /messages. */
  apiUrl: string;
  apiPort: number;
  /** Caught messages, newest first. */
  messages(): CaughtMail[];
  /** The newest message that matches, waiting for it to arrive when none does yet. */
  waitFor(predicate: CaughtMailPredicate, timeoutMs?: number): Promise<CaughtMail>;
  clear(): void;
  stop(): Promise<void>;
}

export interface MailCatcherOptions {
  /** SMTP port; by default the system picks a free one. */
  port?: number;
  /** HTTP API port; by default the system picks a free one. */
  apiPort?: number;
  /** Loopback only: the catcher has no authentication and hands every message to anyone. */
  host?: '127.0.0.1';
}

/** Enough for the last few rounds of a demo or a test run, small enough to never matter. */
export const MAX_CAUGHT_MESSAGES = 200;
/** Far above any mail the portal sends; a bigger one is a bug worth seeing as an error. */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

interface Waiter {
  predicate: CaughtMailPredicate;
  resolve: (mail: CaughtMail) => void;
}

export async function startMailCatcher(options: MailCatcherOptions = {}): Promise<MailCatcher> {
  const host = options.host ?? '127.0.0.1';
  // The type already says so; this guards callers that pass strings from configuration.
  if (host !== '127.0.0.1') throw new Error(`The mail catcher listens on 127.0.0.1 only, not on ${String(host)}`);

  // Oldest first internally: new mail is appended and the oldest falls off the front.
  let caught: CaughtMail[] = [];
  const waiters = new Set<Waiter>();
  const newestFirst = () => caught.toReversed();

  function keep(mail: CaughtMail) {
    caught.push(mail);
    if (caught.length > MAX_CAUGHT_MESSAGES) caught = caught.slice(-MAX_CAUGHT_MESSAGES);
    for (const waiter of waiters) {
      if (waiter.predicate(mail)) {
        waiters.delete(waiter);
        waiter.resolve(mail);
      }
    }
  }

  const smtp = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no certificate to manage, and clients that would upgrade
    // (nodemailer does when STARTTLS is offered) simply do not.
    disabledCommands: ['STARTTLS'],
    // A SMTP_URL with credentials should work against the catcher too, so any login passes.
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'catcher' }),
    size: MAX_MESSAGE_BYTES,
    rejectOversized: true,
    logger: false,
    // Always 127.0.0.1; a reverse DNS lookup could only add up to 1.5 s per connection.
    disableReverseLookup: true,
    banner: 'LISA mail catcher',
    socketTimeout: 30_000,
    closeTimeout: 1000,
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null) => void) {
      simpleParser(stream)
        .then((parsed) => {
          if (stream.sizeExceeded) return callback(); // rejectOversized answers 552 for us
          keep({
            id: randomUUID(),
            messageId: parsed.messageId,
            from: parsed.from?.text ?? (session.envelope.mailFrom ? session.envelope.mailFrom.address : ''),
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
            subject: parsed.subject ?? '',
            // A single-part body gains the CRLF that SMTP's DATA needs before its final dot;
            // drop it so tests compare with what was sent.
            text: (parsed.text ?? '').replace(/\r?\n$/, ''),
            html: parsed.html || undefined,
            receivedAt: new Date().toISOString(),
          });
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
  // A client that drops its connection surfaces here; it must not crash the demo or a test run.
  smtp.on('error', () => undefined);

  const api = http.createServer((request, response) => {
    const send = (status: number, body?: unknown) => {
      // No keep-alive: clients poll, and idle sockets would hold stop() up.
      response.writeHead(status, body === undefined ? { connection: 'close' } : { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
      response.end(body === undefined ? undefined : JSON.stringify(body));
    };
    let path: string;
    try {
      path = new URL(request.url ?? '/', 'http://catcher').pathname.replace(/\/$/, '');
    } catch {
      // A throw in a request listener would take the whole demo down.
      return send(400, { error: 'Malformed request URL' });
    }
    const one = /^\/messages\/([^/]+)$/.exec(path);
    if (path === '/messages' && request.method === 'GET') return send(200, newestFirst());
    if (path === '/messages' && request.method === 'DELETE') {
      caught = [];
      return send(204);
    }
    if (one?.[1] && request.method === 'GET') {
      // Ids are UUIDs, which need no decoding; a malformed escape then simply matches nothing.
      const id = one[1];
      const mail = caught.find((candidate) => candidate.id === id);
      return mail ? send(200, mail) : send(404, { error: `No caught mail with id ${id}` });
    }
    if (path === '/messages' || one) return send(405, { error: `${request.method} is not supported here` });
    return send(404, { error: 'Try GET /messages, GET /messages/:id or DELETE /messages' });
  });

  const smtpPort = await listen(smtp.server, options.port ?? 0, host, 'SMTP');
  let apiPort: number;
  try {
    apiPort = await listen(api, options.apiPort ?? 0, host, 'HTTP API');
  } catch (error) {
    await new Promise<void>((resolve) => smtp.close(resolve));
    throw error;
  }

  let stopping: Promise<void> | undefined;
  return {
    url: `smtp://${host}:${smtpPort}`,
    port: smtpPort,
    apiUrl: `http://${host}:${apiPort}`,
    apiPort,
    messages: newestFirst,
    waitFor(predicate, timeoutMs = 5000) {
      const existing = newestFirst().find(predicate);
      if (existing) return Promise.resolve(existing);
      return new Promise<CaughtMail>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new CaughtMailTimeoutError(timeoutMs, newestFirst()));
        }, timeoutMs);
        const waiter: Waiter = {
          predicate,
          resolve: (mail) => {
            clearTimeout(timer);
            resolve(mail);
          },
        };
        waiters.add(waiter);
      });
    },
    clear() {
      caught = [];
    },
    stop() {
      stopping ??= Promise.all([
        new Promise<void>((resolve) => smtp.close(resolve)),
        new Promise<void>((resolve) => {
          api.closeAllConnections();
          api.close(() => resolve());
        }),
      ]).then(() => undefined);
      return stopping;
    },
  };
}

/** Resolves with the bound port; a taken port is an error that names the port and its use. */
function listen(server: Server, port: number, host: string, what: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'EADDRINUSE' ? 'the port is in use' : error.message;
      reject(new Error(`The mail catcher's ${what} could not listen on ${host}:${port}: ${reason}`));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
