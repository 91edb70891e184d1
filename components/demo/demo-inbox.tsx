import { useFormatter, useTranslations } from 'next-intl';
import type { CaughtMail } from '@/lib/mail/caught-mail';

/** Mail bodies are plain text; links in them become real links so a tester can follow them. */
function TextWithLinks({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return (
    <pre className="mail-text">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  );
}

export function DemoInbox({ messages }: { messages: CaughtMail[] }) {
  const t = useTranslations('DemoInbox');
  const format = useFormatter();
  return (
    <div className="container container--text info-page">
      <h1>{t('title')}</h1>
      <p className="notice">{t('intro')}</p>
      {messages.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ol className="card-list">
          {messages.map((m) => (
            <li key={m.id} className="card">
              <h2 className="card__title">{m.subject}</h2>
              <p className="card__meta">
                {t('to', { to: m.to.join(', ') })} ·{' '}
                <time dateTime={m.receivedAt}>{format.dateTime(new Date(m.receivedAt), { dateStyle: 'medium', timeStyle: 'short' })}</time>
              </p>
              <TextWithLinks text={m.text} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
