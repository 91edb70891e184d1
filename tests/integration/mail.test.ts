import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readEnv } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import {
  clearCaughtMail,
  findCaughtMail,
  MAX_CAUGHT_MESSAGES,
  readCaughtMail,
  startMailCatcher,
  waitForCaughtMail,
  type MailCatcher,
} from '@/lib/mail/catcher';
import { MailDeliveryError, MailNotConfiguredError, sendMail } from '@/lib/mail/transport';
import { findFreePort } from '@/lib/search/embedded-server';

// Real SMTP over loopback: sendMail talks to a started catcher, as in the demo and e2e runs.
let catcher: MailCatcher;
const catcherEnv = (extra: Record<string, string> = {}) => readEnv({ SMTP_URL: catcher.url, ...extra });

beforeAll(async () => {
  catcher = await startMailCatcher();
});

afterAll(async () => {
  await catcher?.stop();
});

beforeEach(() => {
  catcher.clear();
});

describe('sendMail', () => {
  it('delivers subject, text, html and recipient, read back in process and through the HTTP API', async () => {
    const sent = await sendMail(
      {
        to: 'medlem@lisa.example',
        subject: 'Invitation to the synergy workshop',
        text: 'Follow the link to accept: https://lisa.example/invite/abc',
        html: '<p>Follow <a href="https://lisa.example/invite/abc">the link</a> to accept.</p>',
      },
      catcherEnv(),
    );

    const caught = await catcher.waitFor((mail) => mail.messageId === sent.messageId);
    expect(caught).toMatchObject({
      to: ['medlem@lisa.example'],
      from: '"LISA" <no-reply@lisa.example>',
      subject: 'Invitation to the synergy workshop',
      text: 'Follow the link to accept: https://lisa.example/invite/abc',
      html: '<p>Follow <a href="https://lisa.example/invite/abc">the link</a> to accept.</p>',
    });
    expect(await readCaughtMail(catcher.apiUrl)).toEqual([caught]);
    expect(await findCaughtMail(catcher.apiUrl, caught.id)).toEqual(caught);
  });

  it('keeps å, ä and ö in the subject and the body', async () => {
    const subject = 'Välkommen till LISA – årsmöte i Karlskoga, Örebro län';
    const sent = await sendMail(
      { to: 'samordnare@lisa.example', subject, text: 'Hälsningar från föreningen Ängsö', html: '<p>Åtgärd: öppna länken</p>' },
      catcherEnv(),
    );

    const viaApi = await waitForCaughtMail(catcher.apiUrl, (mail) => mail.messageId === sent.messageId);
    expect(viaApi.subject).toBe(subject);
    expect(viaApi.text).toBe('Hälsningar från föreningen Ängsö');
    expect(viaApi.html).toBe('<p>Åtgärd: öppna länken</p>');
  });

  it('sends a text-only message without html', async () => {
    const sent = await sendMail({ to: 'medlem@lisa.example', subject: 'Plain', text: 'Only text' }, catcherEnv());

    const caught = await catcher.waitFor((mail) => mail.messageId === sent.messageId);
    expect(caught.html).toBeUndefined();
    expect(caught.text).toBe('Only text');
  });

  it('sends from MAIL_FROM', async () => {
    const sent = await sendMail(
      { to: 'medlem@lisa.example', subject: 'From check', text: 'x' },
      catcherEnv({ MAIL_FROM: 'Karlskoga LISA <lisa@karlskoga.example>' }),
    );

    const caught = await catcher.waitFor((mail) => mail.messageId === sent.messageId);
    expect(caught.from).toBe('"Karlskoga LISA" <lisa@karlskoga.example>');
  });

  it('logs in when SMTP_URL carries credentials', async () => {
    const withLogin = catcher.url.replace('smtp://', 'smtp://portal:secret@');
    const sent = await sendMail({ to: 'medlem@lisa.example', subject: 'With login', text: 'x' }, readEnv({ SMTP_URL: withLogin }));

    await expect(catcher.waitFor((mail) => mail.messageId === sent.messageId)).resolves.toMatchObject({ subject: 'With login' });
  });

  describe('refuses an invalid message before opening any connection', () => {
    // A bare TCP listener that only counts: any SMTP attempt would show up here.
    let listener: Server;
    let connections = 0;
    let url: string;
    beforeAll(async () => {
      listener = createServer((socket: Socket) => {
        connections++;
        socket.destroy();
      });
      await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
      const address = listener.address();
      url = `smtp://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    });
    afterAll(async () => {
      await new Promise((resolve) => listener.close(resolve));
    });

    it.each([
      ['no address at all', 'medlem'],
      ['a missing domain', 'medlem@'],
      ['a display name', 'Medlem <medlem@lisa.example>'],
      ['an injected Bcc header', 'medlem@lisa.example\r\nBcc: someone@elsewhere.example'],
    ])('a recipient with %s', async (_case, to) => {
      const attempt = sendMail({ to, subject: 'Hello', text: 'x' }, readEnv({ SMTP_URL: url }));

      await expect(attempt).rejects.toThrow(AppError);
      await expect(attempt).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/^Invalid mail message \(to: /) });
      expect(connections).toBe(0);
    });

    it('a subject with a line break (header injection)', async () => {
      const attempt = sendMail({ to: 'medlem@lisa.example', subject: 'Hi\nBcc: x@elsewhere.example', text: 'x' }, readEnv({ SMTP_URL: url }));

      await expect(attempt).rejects.toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { subject: ['must be one line'] } });
      expect(connections).toBe(0);
    });
  });

  it('throws MailNotConfiguredError without SMTP_URL, naming the variable', async () => {
    const attempt = sendMail({ to: 'medlem@lisa.example', subject: 'Hello', text: 'x' }, readEnv({ APP_MODE: 'production' }));

    await expect(attempt).rejects.toThrow(MailNotConfiguredError);
    await expect(attempt).rejects.toThrow(/Mail is not configured: set SMTP_URL/);
  });

  it('fails with MailDeliveryError naming the server, but not its password, when nothing listens', async () => {
    const closedPort = await findFreePort();
    const attempt = sendMail(
      { to: 'medlem@lisa.example', subject: 'Hello', text: 'x' },
      readEnv({ SMTP_URL: `smtp://portal:s3cret-password@127.0.0.1:${closedPort}` }),
    );

    await expect(attempt).rejects.toThrow(MailDeliveryError);
    const error = (await attempt.catch((caught: unknown) => caught)) as MailDeliveryError;
    expect(error.message).toContain(`Could not send mail through smtp://***@127.0.0.1:${closedPort}`);
    expect(error.message).not.toContain('s3cret-password');
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(error.code).toBe('ESOCKET');
  });
});

describe('startMailCatcher', () => {
  it(`keeps only the newest ${MAX_CAUGHT_MESSAGES} messages`, async () => {
    // smtp-server waits 100 ms before its greeting, so the filler goes out 25 at a time.
    for (let batch = 0; batch < MAX_CAUGHT_MESSAGES / 25; batch++) {
      await Promise.all(
        Array.from({ length: 25 }, () => sendMail({ to: 'medlem@lisa.example', subject: 'Filler', text: 'x' }, catcherEnv())),
      );
    }
    for (const subject of ['Newest 1', 'Newest 2', 'Newest 3']) {
      await sendMail({ to: 'medlem@lisa.example', subject, text: 'x' }, catcherEnv());
    }

    const kept = catcher.messages();
    expect(kept).toHaveLength(MAX_CAUGHT_MESSAGES);
    expect(kept.slice(0, 3).map((mail) => mail.subject)).toEqual(['Newest 3', 'Newest 2', 'Newest 1']);
    expect(kept.filter((mail) => mail.subject === 'Filler')).toHaveLength(MAX_CAUGHT_MESSAGES - 3);
    expect(await readCaughtMail(catcher.apiUrl)).toEqual(kept);
  });

  it('waitFor resolves with a message that arrives after the call', async () => {
    const waiting = catcher.waitFor((mail) => mail.subject === 'Later', 5000);
    await sendMail({ to: 'medlem@lisa.example', subject: 'Later', text: 'x' }, catcherEnv());

    await expect(waiting).resolves.toMatchObject({ subject: 'Later' });
  });

  it('waitFor times out with an error that says how long it waited and what did arrive', async () => {
    await sendMail({ to: 'medlem@lisa.example', subject: 'Not this one', text: 'x' }, catcherEnv());

    await expect(catcher.waitFor((mail) => mail.subject === 'Never sent', 200)).rejects.toThrow(
      'No caught mail matched within 200 ms (1 caught, newest: "Not this one")',
    );
    await expect(waitForCaughtMail(catcher.apiUrl, (mail) => mail.subject === 'Never sent', 200)).rejects.toThrow(
      /^No caught mail matched within 200 ms/,
    );
  });

  it('refuses a message over 1 MB', async () => {
    const attempt = sendMail({ to: 'medlem@lisa.example', subject: 'Too big', text: 'x'.repeat(1_100_000) }, catcherEnv());

    await expect(attempt).rejects.toThrow(MailDeliveryError);
    await expect(attempt).rejects.toThrow(/552/);
    expect(catcher.messages()).toEqual([]);
  });

  it('clears through the HTTP API and answers 404 for a message it does not have', async () => {
    await sendMail({ to: 'medlem@lisa.example', subject: 'To be cleared', text: 'x' }, catcherEnv());
    const [caught] = await readCaughtMail(catcher.apiUrl);

    await clearCaughtMail(catcher.apiUrl);

    expect(catcher.messages()).toEqual([]);
    expect(await findCaughtMail(catcher.apiUrl, caught!.id)).toBeNull();
  });

  it('answers unknown paths and methods of the HTTP API with JSON errors', async () => {
    const unknownPath = await fetch(`${catcher.apiUrl}/inbox`);
    const wrongMethod = await fetch(`${catcher.apiUrl}/messages`, { method: 'POST' });
    const malformedId = await fetch(`${catcher.apiUrl}/messages/%E0%A4%A`);

    expect(unknownPath.status).toBe(404);
    expect(malformedId.status).toBe(404);
    expect(wrongMethod.status).toBe(405);
    expect(await wrongMethod.json()).toEqual({ error: 'POST is not supported here' });
  });

  it('fails to start with a clear error when its port is taken', async () => {
    await expect(startMailCatcher({ port: catcher.port })).rejects.toThrow(
      `The mail catcher's SMTP could not listen on 127.0.0.1:${catcher.port}: the port is in use`,
    );
  });

  it('stops both listeners', async () => {
    const second = await startMailCatcher();
    await second.stop();

    await expect(readCaughtMail(second.apiUrl)).rejects.toThrow(/unreachable/);
    const attempt = sendMail({ to: 'medlem@lisa.example', subject: 'Hello', text: 'x' }, readEnv({ SMTP_URL: second.url }));
    await expect(attempt).rejects.toThrow(/ECONNREFUSED/);
  });
});
