/**
 * The public correction form and its texts: every error the data layer can report has words
 * in all three languages, links are counted the way spam uses them, and the honeypot stays
 * out of people's way (off screen, hidden from assistive tech, out of the tab order, labelled).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CorrectionForm } from '@/components/directory/corrections/correction-form';
import { CORRECTION_SUCCESS_KEYS, CORRECTION_TOPICS, correctionErrors, countLinks, HONEYPOT_FIELD } from '@/lib/directory/correction-schemas';
import ar from '@/messages/ar.json';
import en from '@/messages/en.json';
import sv from '@/messages/sv.json';

type Tree = { [key: string]: string | Tree };
const keyPaths = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keyPaths(value, `${prefix}${key}.`)));

describe('the Corrections messages', () => {
  it('has the same keys in Swedish, English and Arabic', () => {
    const swedish = keyPaths(sv.Corrections as Tree).sort();
    expect(keyPaths(en.Corrections as Tree).sort()).toEqual(swedish);
    expect(keyPaths(ar.Corrections as Tree).sort()).toEqual(swedish);
  });

  it('words every error, topic and outcome the code knows', () => {
    for (const messages of [sv, en, ar]) {
      expect(Object.keys(messages.Corrections.errors).sort()).toEqual([...correctionErrors.keys].sort());
      expect(Object.keys(messages.Corrections.topics).sort()).toEqual([...CORRECTION_TOPICS].sort());
      expect(Object.keys(messages.Corrections.admin.success).sort()).toEqual([...CORRECTION_SUCCESS_KEYS].sort());
    }
  });
});

describe('countLinks', () => {
  it('counts addresses with a scheme and those starting with www', () => {
    expect(countLinks('Ring 0586-123 45 i stället.')).toBe(0);
    expect(countLinks('Se https://a.example och http://b.example/x samt www.c.example')).toBe(3);
    expect(countLinks('HTTPS://A.EXAMPLE')).toBe(1);
    // A sentence that ends with "www." is no address.
    expect(countLinks('Det står www. på skylten')).toBe(0);
  });
});

describe('CorrectionForm', () => {
  const html = renderToStaticMarkup(
    createElement(CorrectionForm, {
      action: async (state) => state,
      hidden: { locale: 'sv', service: 'linnean-stodsamtal', formToken: '1.x' },
      honeypotName: HONEYPOT_FIELD,
      fieldNames: { topic: 'Vad gäller det', message: 'Vad är fel', contactEmail: 'E-postadress' },
      messages: { errorSummary: 'Fel', errors: { invalid: 'Fel' }, success: {} },
      limits: { messageMax: 2000 },
      labels: {
        topicLegend: 'Vad gäller det?',
        topics: CORRECTION_TOPICS.map((value) => ({ value, label: value })),
        message: 'Vad är fel?',
        messageHint: 'Minst 10 tecken.',
        counter: '{count} av 2000 tecken',
        email: 'E-post',
        emailHint: 'Bara för svar.',
        honeypot: 'Lämna det här fältet tomt',
        submit: 'Skicka',
      },
    }),
  );

  it('hides the honeypot from view and assistive tech, keeps it out of the tab order, and tells anyone who meets it to leave it empty', () => {
    const trap = /<div class="correction-trap" aria-hidden="true"><label for="([^"]+)">Lämna det här fältet tomt<\/label><input ([^>]*)\/?><\/div>/.exec(html);
    expect(trap).not.toBeNull();
    expect(trap![2]).toContain(`name="${HONEYPOT_FIELD}"`);
    expect(trap![2]).toContain('tabindex="-1"');
    // Attribute names are case-insensitive in HTML; a browser must not fill the trap in for a person.
    expect(trap![2]).toMatch(/autocomplete="off"/i);
    expect(trap![2]).toContain(`id="${trap![1]}"`);
  });

  it('groups the topics under a legend and sends the signed token and the service', () => {
    expect(html).toMatch(/<fieldset[^>]*><legend>Vad gäller det\?<\/legend>/);
    expect(html.match(/type="radio" name="topic"/g)).toHaveLength(CORRECTION_TOPICS.length);
    expect(html).toContain('<input type="hidden" name="formToken" value="1.x"/>');
    expect(html).toContain('<input type="hidden" name="service" value="linnean-stodsamtal"/>');
    expect(html).toContain('0 av 2000 tecken');
  });
});
