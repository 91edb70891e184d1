import type { ReactNode } from 'react';

/** The frame of a text page: one h1, an optional lead, then sections with h2 headings. */
export function InfoPage({ heading, lead, children }: { heading: string; lead?: ReactNode; children: ReactNode }) {
  return (
    <article className="info-page container container--text">
      <h1>{heading}</h1>
      {lead ? <p className="lead">{lead}</p> : null}
      {children}
    </article>
  );
}

export function InfoSection({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section className="info-section">
      <h2 id={id}>{heading}</h2>
      {children}
    </section>
  );
}

/** A mailto link, or the bare text when the installation has no contact address yet. */
export function emailLink(address: string) {
  function EmailLink(chunks: ReactNode) {
    return address ? <a href={`mailto:${address}`}>{chunks}</a> : <>{chunks}</>;
  }
  return EmailLink;
}

/** Links to other sites carry no referrer: which page a visitor came from is nobody's business. */
export function externalLink(href: string) {
  function ExternalLink(chunks: ReactNode) {
    return (
      <a href={href} rel="noreferrer">
        {chunks}
      </a>
    );
  }
  return ExternalLink;
}
