import { useFormatter, useTranslations } from 'next-intl';
import { Link } from '@/i18n/navigation';
import './news.css';

export interface PostArticleProps {
  title: string;
  summary: string;
  /** From lib/news/render.ts: built from the checked document, every value escaped. */
  html: string;
  organization: { slug: string; name: string };
  publishedAt: Date | null;
  topics: { slug: string; name: string }[];
  event: {
    startsAt: Date;
    endsAt: Date | null;
    place: string | null;
    signupUrl: string | null;
    service: { slug: string; name: string } | null;
  } | null;
  /** h1 on a post's own page; lower where the post is shown inside another page. */
  headingLevel?: 1 | 3;
}

/** A post as residents read it: the post page, the author's preview and the coordinator's review. */
export function PostArticle({ title, summary, html, organization, publishedAt, topics, event, headingLevel = 1 }: PostArticleProps) {
  const Title = headingLevel === 1 ? 'h1' : 'h3';
  const t = useTranslations('News');
  const format = useFormatter();
  const when = (date: Date) => format.dateTime(date, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Stockholm' });
  return (
    <article className="post-article" aria-labelledby={headingLevel === 1 ? 'post-title' : undefined}>
      <header className="post-article__header">
        <Title id={headingLevel === 1 ? 'post-title' : undefined}>{title}</Title>
        <p className="post-article__meta">
          {t.rich('from', { organization: organization.name, link: (chunks) => <Link href={`/foreningar/${organization.slug}`}>{chunks}</Link> })}
          {publishedAt ? (
            <>
              {' · '}
              <time dateTime={publishedAt.toISOString()}>{t('publishedOn', { date: format.dateTime(publishedAt, { dateStyle: 'long', timeZone: 'Europe/Stockholm' }) })}</time>
            </>
          ) : null}
        </p>
        {summary ? <p className="lead">{summary}</p> : null}
      </header>
      {event ? (
        <section className="post-event" aria-labelledby="post-event-heading">
          <h2 id="post-event-heading" className="post-event__heading">
            {t('eventLabel')}
          </h2>
          <dl className="post-event__facts">
            <dt>{t('when')}</dt>
            <dd>
              <time dateTime={event.startsAt.toISOString()}>{when(event.startsAt)}</time>
              {event.endsAt ? (
                <>
                  {' – '}
                  <time dateTime={event.endsAt.toISOString()}>{when(event.endsAt)}</time>
                </>
              ) : null}
            </dd>
            {event.place ? (
              <>
                <dt>{t('where')}</dt>
                <dd>{event.place}</dd>
              </>
            ) : null}
            {event.service ? (
              <>
                <dt>{t('service')}</dt>
                <dd>
                  <Link href={`/tjanster/${event.service.slug}`}>{event.service.name}</Link>
                </dd>
              </>
            ) : null}
          </dl>
          {event.signupUrl ? (
            <p>
              <a className="button" href={event.signupUrl} rel="noopener noreferrer nofollow">
                {t('signup')}
              </a>
            </p>
          ) : null}
        </section>
      ) : null}
      {/* Safe by construction: lib/news/render.ts emits only allow-listed tags and escapes every value. */}
      <div className="post-body" dangerouslySetInnerHTML={{ __html: html }} />
      {topics.length > 0 ? (
        <p className="post-article__topics">
          {t('topics')}:{' '}
          {topics.map((topic, index) => (
            <span key={topic.slug}>
              {index > 0 ? ', ' : ''}
              <Link href={{ pathname: '/nyheter', query: { amne: topic.slug } }}>{topic.name}</Link>
            </span>
          ))}
        </p>
      ) : null}
    </article>
  );
}
