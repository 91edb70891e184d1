import type { ElementType, ReactNode } from 'react';
import { useLocale } from 'next-intl';
import type { LocalizedText } from '@/lib/directory/service-page';

interface LocalizedProps {
  value: LocalizedText;
  /** The element to render; `span` by default. */
  as?: ElementType;
  className?: string;
  id?: string;
  children?: ReactNode;
}

/**
 * A database text in the language it is really in. Swedish text shown on an English or Arabic
 * page carries `lang="sv"`, so screen readers pronounce it right (WCAG 3.1.2), and `dir="auto"`
 * keeps left-to-right text the right way round inside an Arabic page.
 */
export function Localized({ value, as: Element = 'span', className, id, children }: LocalizedProps) {
  const locale = useLocale();
  const isOtherLanguage = value.lang !== locale;
  return (
    <Element className={className} id={id} lang={isOtherLanguage ? value.lang : undefined} dir={isOtherLanguage ? 'auto' : undefined}>
      {value.text}
      {children}
    </Element>
  );
}

/** Plain text with blank lines as paragraph breaks, each paragraph in the text's language. */
export function LocalizedParagraphs({ value, className }: { value: LocalizedText; className?: string }) {
  const paragraphs = value.text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((text, index) => (
        <Localized key={index} as="p" className={className} value={{ text, lang: value.lang }} />
      ))}
    </>
  );
}
