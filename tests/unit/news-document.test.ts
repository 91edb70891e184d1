/**
 * The news post body as a resident's browser meets it: whatever JSON reaches checkDocument, what
 * it accepts renders through renderDocument to HTML that holds only the portal's own tags and
 * attributes, links a browser may follow, images from the portal's media, and exactly the
 * document's text. The output is read back with htmlparser2 (an HTML parser, not a regex).
 */
import { getSchema } from '@tiptap/core';
import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { postEditorExtensions } from '@/components/news/editor/extensions';
import {
  BLOCK_NODE_TYPES,
  checkDocument,
  INLINE_NODE_TYPES,
  isSafeHref,
  MARK_TYPES,
  MAX_DEPTH,
  MAX_DOCUMENT_BYTES,
  MAX_IMAGES,
  MAX_TEXT_LENGTH,
  MEDIA_SRC_PATTERN,
  type PostDocument,
} from '@/lib/news/document';
import { escapeHtml, renderDocument } from '@/lib/news/render';

const RUNS = { numRuns: 10_000 };

// ---------------------------------------------------------------------------------------------
// Documents as JSON: loose shapes, since most of what these tests send is not a valid document.

interface RawMark {
  type: string;
  attrs?: Record<string, unknown>;
}
interface RawNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RawNode[];
  text?: string;
  marks?: RawMark[];
}
interface RawDoc {
  type: 'doc';
  content: RawNode[];
}

const SRC = '/media/abcdefghij0123456789/w800.webp';
const doc = (...content: unknown[]) => ({ type: 'doc', content });
const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
const text = (value: string, ...marks: unknown[]) => (marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value });
const link = (href: string) => ({ type: 'link', attrs: { href } });
const image = (attrs: Record<string, unknown>) => ({ type: 'image', attrs: { src: SRC, alt: 'Kören på trappan', ...attrs } });
const bulletList = (...items: unknown[][]) => ({ type: 'bulletList', content: items.map((content) => ({ type: 'listItem', content })) });
const blockquote = (...content: unknown[]) => ({ type: 'blockquote', content });

/** Blocks nested `depth` times in quotes or lists around a paragraph with linked, bold text. */
function nested(depth: number, container: 'blockquote' | 'bulletList'): unknown {
  let inner: unknown = paragraph(text('djupt', link('https://example.se'), { type: 'bold' }));
  for (let i = 0; i < depth; i++) inner = container === 'blockquote' ? blockquote(inner) : bulletList([inner]);
  return doc(inner);
}

function walk(nodes: readonly RawNode[] | undefined, visit: (node: RawNode) => void): void {
  for (const node of nodes ?? []) {
    visit(node);
    walk(node.content, visit);
  }
}

/** The document's text in reading order: what a parse of its HTML must hold, no more, no less. */
function expectedText(document: RawDoc | PostDocument): string {
  let out = '';
  walk(document.content as RawNode[], (node) => {
    if (node.type === 'text') out += node.text;
  });
  return out;
}

function countImages(document: RawDoc): number {
  let count = 0;
  walk(document.content, (node) => {
    if (node.type === 'image') count += 1;
  });
  return count;
}

/** The elements the document becomes, counted per tag. */
function expectedTags(document: PostDocument): Record<string, number> {
  const counts: Record<string, number> = {};
  const add = (tag: string) => (counts[tag] = (counts[tag] ?? 0) + 1);
  const TAG_OF: Record<string, string[]> = {
    paragraph: ['p'],
    bulletList: ['ul'],
    orderedList: ['ol'],
    listItem: ['li'],
    blockquote: ['blockquote'],
    horizontalRule: ['hr'],
    image: ['figure', 'img'],
    hardBreak: ['br'],
  };
  walk(document.content as RawNode[], (node) => {
    if (node.type === 'heading') add(node.attrs?.level === 3 ? 'h3' : 'h2');
    for (const tag of TAG_OF[node.type] ?? []) add(tag);
    for (const mark of node.marks ?? []) add({ bold: 'strong', italic: 'em', link: 'a' }[mark.type]!);
  });
  return counts;
}

const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

// ---------------------------------------------------------------------------------------------
// The rendered HTML, parsed.

const ALLOWED_ATTRIBUTES: Record<string, readonly string[]> = {
  p: [],
  h2: [],
  h3: [],
  ul: [],
  ol: ['start'],
  li: [],
  blockquote: [],
  hr: [],
  figure: ['class'],
  img: ['src', 'alt', 'width', 'height', 'loading', 'decoding'],
  br: [],
  strong: [],
  em: [],
  a: ['href', 'rel'],
};
const VOID_TAGS = new Set(['hr', 'img', 'br']);
const EXTERNAL_REL = 'noopener noreferrer nofollow';

interface ParsedElement {
  name: string;
  attributes: [string, string][];
}
interface ParsedHtml {
  elements: ParsedElement[];
  text: string;
  /** Comments, CDATA, processing instructions and tags the parser had to close itself. */
  surprises: string[];
}

function parseHtml(html: string): ParsedHtml {
  const parsed: ParsedHtml = { elements: [], text: '', surprises: [] };
  let attributes: [string, string][] = [];
  const parser = new Parser(
    {
      onattribute: (name, value) => attributes.push([name, value]),
      onopentag: (name) => {
        parsed.elements.push({ name, attributes });
        attributes = [];
      },
      onclosetag: (name, isImplied) => {
        if (isImplied && !VOID_TAGS.has(name)) parsed.surprises.push(`unclosed <${name}>`);
      },
      ontext: (data) => (parsed.text += data),
      oncomment: (data) => parsed.surprises.push(`comment ${data}`),
      oncdatastart: () => parsed.surprises.push('cdata'),
      onprocessinginstruction: (name) => parsed.surprises.push(`directive ${name}`),
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return parsed;
}

/** Every way the HTML could let markup or a script of a user's through; empty when safe. */
function unsafeParts(parsed: ParsedHtml, baseUrl = ''): string[] {
  const problems = [...parsed.surprises];
  for (const { name, attributes } of parsed.elements) {
    const allowed = ALLOWED_ATTRIBUTES[name];
    if (!allowed) {
      problems.push(`<${name}>`);
      continue;
    }
    const attrs = new Map(attributes);
    if (attrs.size !== attributes.length) problems.push(`<${name}> repeats an attribute`);
    for (const [attr] of attributes) if (!allowed.includes(attr)) problems.push(`<${name} ${attr}>`);
    if (name === 'a') {
      const href = attrs.get('href');
      if (href === undefined || !isSafeHref(href)) problems.push(`<a href=${JSON.stringify(href)}>`);
      else if (/^https?:/i.test(href) ? attrs.get('rel') !== EXTERNAL_REL : attrs.has('rel')) problems.push(`<a href=${href} rel=${attrs.get('rel')}>`);
    }
    if (name === 'img') {
      const src = attrs.get('src') ?? '';
      if (!src.startsWith(baseUrl) || !MEDIA_SRC_PATTERN.test(src.slice(baseUrl.length))) problems.push(`<img src=${JSON.stringify(src)}>`);
      if (!attrs.get('alt')?.trim()) problems.push('<img> without alt');
      if (attrs.get('loading') !== 'lazy' || attrs.get('decoding') !== 'async') problems.push('<img> loading/decoding');
      const size = [attrs.get('width'), attrs.get('height')];
      if (!(size.every((v) => v === undefined) || size.every((v) => v !== undefined && /^[1-9]\d*$/.test(v)))) problems.push(`<img size=${size}>`);
    }
    if (name === 'figure' && attrs.get('class') !== 'post-image') problems.push(`<figure class=${attrs.get('class')}>`);
    if (name === 'ol' && attrs.has('start') && !/^-?\d+$/.test(attrs.get('start')!)) problems.push(`<ol start=${attrs.get('start')}>`);
  }
  return problems;
}

const tagCounts = (parsed: ParsedHtml) =>
  parsed.elements.reduce<Record<string, number>>((counts, { name }) => ({ ...counts, [name]: (counts[name] ?? 0) + 1 }), {});

/** Renders an accepted document and holds its HTML to the allow-list, with all of its text. */
function expectSafeRendering(document: PostDocument, baseUrl?: string): ParsedHtml {
  const parsed = parseHtml(renderDocument(document, { baseUrl }));
  expect(unsafeParts(parsed, baseUrl)).toEqual([]);
  expect(parsed.text).toBe(expectedText(document));
  expect(tagCounts(parsed)).toEqual(expectedTags(document));
  return parsed;
}

// ---------------------------------------------------------------------------------------------
// Generators.

/** Classic filter-evasion strings (OWASP XSS filter evasion cheat sheet and friends). */
const XSS_PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'javascript:/*--></title></style></textarea></script></xmp><svg/onload=\'+/"`/+/onmouseover=1/+/[*/[]/+alert(1)//\'>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  '<IMG SRC=javascript:alert(&quot;XSS&quot;)>',
  '<IMG SRC=`javascript:alert("RSnake says, \'XSS\'")`>',
  '<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>',
  '<IMG SRC=# onmouseover="alert(\'xxs\')">',
  '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
  '<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">',
  '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;',
  '&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29',
  'jav\tascript:alert(1)',
  'jav&#x09;ascript:alert(1)',
  'jav&#x0A;ascript:alert(1)',
  ' &#14;  javascript:alert(1)',
  '\u0000javascript:alert(1)',
  'java\u0000script:alert(1)',
  '"><img src=x onerror=alert(1)>',
  "'><script>alert(String.fromCharCode(88,83,83))</script>",
  '<SCRIPT/XSS SRC="http://xss.rocks/xss.js"></SCRIPT>',
  '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>',
  '<<SCRIPT>alert("XSS");//\\<</SCRIPT>',
  '<iframe src=http://xss.rocks/scriptlet.html <',
  '\\";alert(\'XSS\');//',
  '</TITLE><SCRIPT>alert("XSS");</SCRIPT>',
  '<INPUT TYPE="IMAGE" SRC="javascript:alert(\'XSS\');">',
  '<svg/onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<STYLE>li {list-style-image: url("javascript:alert(\'XSS\')");}</STYLE><UL><LI>XSS</br>',
  '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">',
  '<IFRAME SRC="javascript:alert(\'XSS\');"></IFRAME>',
  '<BASE HREF="javascript:alert(\'XSS\');//">',
  '<DIV STYLE="background-image: url(javascript:alert(\'XSS\'))">',
  '<!--[if gte IE 4]><SCRIPT>alert(\'XSS\');</SCRIPT><![endif]-->',
  '<? echo(\'<SCR)\';echo(\'IPT>alert("XSS")</SCRIPT>\'); ?>',
  '<![CDATA[<script>alert(1)</script>]]>',
  'vbscript:msgbox("XSS")',
  'livescript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K',
  'data:image/svg+xml,<svg/onload=alert(1)>',
  '%3Cscript%3Ealert(1)%3C/script%3E',
  '\u003cscript\u003ealert(1)\u003c/script\u003e',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<a href="javascript:alert(1)">klicka</a>',
  '<form><button formaction=javascript:alert(1)>X</button></form>',
  '<details open ontoggle=alert(1)>',
];

const TRICKY_CHARS = ['<', '>', '&', '"', "'", '`', '=', '/', ';', '#', ':', '\u0000', '\u202e', '\u200f', '\u200b', '\ufeff', '\n', '\r', '\t', ' ', '\u00a0', 'å', 'ö', '😀', '\ud800', 'x', 'a', 'lt', 'amp'];

/** Text a member might paste: markup, entities, bidi marks, NUL, lone surrogates, long words. */
const hostileText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }) },
  { weight: 4, arbitrary: fc.string({ unit: fc.constantFrom(...TRICKY_CHARS), minLength: 1, maxLength: 24 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 16 }) },
  { weight: 2, arbitrary: fc.constantFrom(...XSS_PAYLOADS, '&lt;', '&amp;lt;', '&#60;', '&#x3C;', '"', "'", '\u0000', '\u202ejavascript:') },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 2_000 }).map((n) => 'ö'.repeat(n)) },
);

/** Links the validator must accept: web addresses (some carrying markup), mailto and tel. */
const safeHref = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }).filter((url) => !url.includes('xn--')),
  // An address starting with // would read as a URL authority ("mailto://x^y@z") and not parse.
  fc.emailAddress().filter((address) => !address.startsWith('//')).map((address) => `mailto:${address}`),
  fc.stringMatching(/^\+?[0-9]{3,12}$/).map((number) => `tel:${number}`),
  fc.constantFrom(
    'https://example.se/?q="><script>alert(1)</script>',
    "https://example.se/'onmouseover='alert(1)",
    'https://example.se/#<img/src=x/onerror=alert(1)>',
    'https://example.se/&amp;&lt;&quot;',
    'HTTPS://EXAMPLE.SE/',
    'Http://example.se',
    'https://räksmörgås.se/å?ö=ä',
    'mailto:styrelsen@example.se?subject=<b>Hej</b>&body="x"',
    'tel:+46701234567',
  ),
);

const NOISE = ['\t', '\n', '\r', ' ', '\u0000', '\u0001', '\u000b', '\u000c', '\u007f', '\u0085', '\u00a0', '\u200b', '\u2028', '\ufeff', '&#09;', '&#x0A;', '&Tab;', '&NewLine;', '%09', '%0a', '&#0000106;', '/**/'];
const COLONS = [':', ':', ':', '&colon;', '&#58;', '&#x3a;', '%3a', '\uff1a'];

/** Scripting and local schemes, in random case, with whitespace, controls and entities mixed in. */
const hostileSchemeHref = fc
  .record({
    scheme: fc.constantFrom('javascript', 'vbscript', 'data', 'file', 'livescript', 'mocha', 'jar', 'blob', 'filesystem', 'view-source', 'about', 'ftp', 'ws', 'intent'),
    upper: fc.array(fc.boolean(), { maxLength: 12 }),
    noise: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...NOISE)), { maxLength: 3 }),
    colon: fc.constantFrom(...COLONS),
    rest: fc.constantFrom('alert(1)', 'alert(document.cookie)', '//%0aalert(1)', 'text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'text/html,<script>alert(1)</script>', '///etc/passwd', 'https://evil.example'),
  })
  .map(({ scheme, upper, noise, colon, rest }) => {
    let head = [...scheme].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('') + colon;
    for (const [at, piece] of noise) {
      const i = at % (head.length + 1);
      head = head.slice(0, i) + piece + head.slice(i);
    }
    return head + rest;
  });

/** Targets without a scheme a browser would resolve against the portal, or not at all. */
const schemelessHref = fc.constantFrom(
  '//evil.example/x',
  '\\\\evil.example\\x',
  '/\\evil.example',
  '/relative/path',
  '../up',
  'evil.example',
  '#top',
  '?q=1',
  '',
  ' ',
  'https:',
  'http://',
  'https:///',
  'mailto:',
  'tel:',
  ' https://example.se',
  'https://example.se ',
  'https://exa mple.se',
  'https://exa\u0000mple.se',
  `https://example.se/${'a'.repeat(2_000)}`,
);

const hostileHref = fc.oneof(
  { weight: 6, arbitrary: hostileSchemeHref },
  { weight: 2, arbitrary: schemelessHref },
  { weight: 2, arbitrary: fc.constantFrom(...XSS_PAYLOADS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

const mediaSrc = fc.stringMatching(MEDIA_SRC_PATTERN);

/** Image sources that are not one of the portal's own variants. */
const hostileSrc = fc.oneof(
  hostileHref,
  fc.constantFrom(
    'https://evil.example/media/abcdefghij0123456789/w800.jpg',
    '//evil.example/media/abcdefghij0123456789/w800.jpg',
    '/media/abcdefghij0123456789/w800.jpg?x=1',
    '/media/abcdefghij0123456789/w800.jpg\n',
    '/media/abcdefghij0123456789/w800.jpg#',
    ' /media/abcdefghij0123456789/w800.jpg',
    '/media/ABCDEFGHIJ0123456789/w800.jpg',
    '/media/abcdefghij0123456789/w800.gif',
    '/media/abcdefghij0123456789/w800.svg',
    '/media/abcdefghij0123456789/w8.jpg',
    '/media/abcdefghij/w800.jpg',
    '/media/../../etc/passwd',
    '/media/abcdefghij0123456789/../w800.jpg',
    '/media/abcdefghij0123456789/w800.jpg"onerror="alert(1)',
    'data:image/svg+xml,<svg onload=alert(1)>',
    'javascript:alert(1)//.jpg',
  ),
  mediaSrc.map((src) => `https://evil.example${src}`),
);

const blankAlt = fc.oneof(
  fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u3000', '\ufeff'), maxLength: 6 }),
  fc.constantFrom(null, undefined),
);

const altText = hostileText.filter((alt) => alt.trim().length > 0 && alt.length <= 300);

const mark = fc.oneof(
  fc.constant<RawMark>({ type: 'bold' }),
  fc.constant<RawMark>({ type: 'italic' }),
  fc.record<RawMark>({
    type: fc.constant('link'),
    attrs: fc.oneof(
      fc.record({ href: safeHref }),
      // What the editor stores: Tiptap's link defaults along with the address.
      safeHref.map((href) => ({ href, target: '_blank', rel: EXTERNAL_REL, class: null, title: null })),
    ),
  }),
);

const textNode = fc.record<RawNode>(
  { type: fc.constant('text'), text: hostileText, marks: fc.uniqueArray(mark, { selector: (m) => m.type, maxLength: 3 }) },
  { requiredKeys: ['type', 'text'] },
);
const inline = fc.oneof({ weight: 6, arbitrary: textNode }, { weight: 1, arbitrary: fc.constant<RawNode>({ type: 'hardBreak' }) });
const inlineContent = fc.array(inline, { maxLength: 4 });

const dimension = fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: null });

const leafBlock = fc.oneof(
  { weight: 5, arbitrary: fc.record<RawNode>({ type: fc.constant('paragraph'), content: inlineContent }, { requiredKeys: ['type'] }) },
  {
    weight: 2,
    arbitrary: fc.record<RawNode>(
      { type: fc.constant('heading'), attrs: fc.record({ level: fc.constantFrom(2, 3) }), content: inlineContent },
      { requiredKeys: ['type', 'attrs'] },
    ),
  },
  { weight: 1, arbitrary: fc.constant<RawNode>({ type: 'horizontalRule' }) },
  {
    weight: 1,
    arbitrary: fc.record<RawNode>({
      type: fc.constant('image'),
      attrs: fc.record(
        { src: mediaSrc, alt: altText, title: fc.option(fc.string({ maxLength: 20 }), { nil: null }), width: dimension, height: dimension },
        { requiredKeys: ['src', 'alt'] },
      ),
    }),
  },
);

const orderedListAttrs = fc.oneof(
  fc.constant({ start: 1, type: null }),
  fc.record({ start: fc.integer({ min: 0, max: 100_000 }), type: fc.constantFrom(null, 'a', 'A', 'i', 'I', '1') }, { requiredKeys: ['start'] }),
);

/** Documents built from the allow-list only, in the shapes the editor stores, nested a little. */
const validDocument: fc.Arbitrary<RawDoc> = fc.letrec<{ block: RawNode; listItem: RawNode; doc: RawDoc }>((tie) => ({
  block: fc.oneof(
    { maxDepth: 3, depthSize: 'small' },
    { weight: 6, arbitrary: leafBlock },
    { weight: 1, arbitrary: fc.record<RawNode>({ type: fc.constant('bulletList'), content: fc.array(tie('listItem'), { minLength: 1, maxLength: 2 }) }) },
    {
      weight: 1,
      arbitrary: fc.record<RawNode>(
        { type: fc.constant('orderedList'), attrs: orderedListAttrs, content: fc.array(tie('listItem'), { minLength: 1, maxLength: 2 }) },
        { requiredKeys: ['type', 'content'] },
      ),
    },
    { weight: 1, arbitrary: fc.record<RawNode>({ type: fc.constant('blockquote'), content: fc.array(tie('block'), { minLength: 1, maxLength: 2 }) }) },
  ),
  listItem: fc.record<RawNode>({ type: fc.constant('listItem'), content: fc.array(tie('block'), { minLength: 1, maxLength: 2 }) }),
  doc: fc.record({ type: fc.constant('doc' as const), content: fc.array(tie('block'), { maxLength: 4 }) }),
})).doc;

const baseUrl = fc.constantFrom(undefined, 'https://portal.example', 'https://portal.example/sv');

/** Every node of a document, in order: the places a mutation can land. */
function nodesOf(document: RawDoc): RawNode[] {
  const nodes: RawNode[] = [];
  walk(document.content, (node) => nodes.push(node));
  return nodes;
}

const NEAR_MISS_TYPES = ['script', 'iframe', 'style', 'codeBlock', 'code', 'table', 'mention', 'Paragraph', 'PARAGRAPH', 'paragraph ', 'heading\u0000', 'doc', '__proto__', 'constructor', 'toString', 'svg', 'a', 'img', ''];
const nodeTypeName = fc.oneof(fc.constantFrom(...BLOCK_NODE_TYPES, ...INLINE_NODE_TYPES, 'listItem'), fc.constantFrom(...NEAR_MISS_TYPES), fc.string({ maxLength: 10 }));
const markTypeName = fc.oneof(fc.constantFrom(...MARK_TYPES), fc.constantFrom('code', 'strike', 'underline', 'textStyle', 'highlight', 'Bold', 'LINK', '__proto__'), fc.string({ maxLength: 8 }));
const attrName = fc.oneof(
  fc.constantFrom('href', 'src', 'alt', 'level', 'start', 'type', 'width', 'height', 'title', 'target', 'rel', 'class', 'style', 'onerror', 'onclick', '__proto__'),
  fc.string({ maxLength: 6 }),
);
const attrValue = fc.oneof(
  hostileHref,
  hostileSrc,
  safeHref,
  mediaSrc,
  hostileText,
  fc.integer({ min: -5, max: 20_000 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 2 }),
);
const randomAttrs = fc.dictionary(attrName, attrValue, { maxKeys: 4 });

/** Node trees with random type names, attributes and marks. */
const hostileNode: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { maxDepth: 4, depthSize: 'small' },
    fc.record(
      {
        type: nodeTypeName,
        attrs: randomAttrs,
        text: fc.oneof(hostileText, fc.constant('')),
        marks: fc.array(fc.record({ type: markTypeName, attrs: randomAttrs }, { requiredKeys: ['type'] }), { maxLength: 3 }),
      },
      { requiredKeys: ['type'] },
    ),
    fc.record({ type: nodeTypeName, attrs: randomAttrs, content: fc.array(tie('node'), { maxLength: 3 }) }, { requiredKeys: ['type'] }),
  ),
})).node;

type Mutation =
  | { kind: 'type'; type: string }
  | { kind: 'attrs'; attrs: Record<string, unknown> }
  | { kind: 'addAttr'; name: string; value: unknown }
  | { kind: 'marks'; marks: unknown[] }
  | { kind: 'replace'; node: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('type' as const), type: nodeTypeName }),
  fc.record({ kind: fc.constant('attrs' as const), attrs: randomAttrs }),
  fc.record({ kind: fc.constant('addAttr' as const), name: attrName, value: attrValue }),
  fc.record({ kind: fc.constant('marks' as const), marks: fc.array(fc.record({ type: markTypeName, attrs: randomAttrs }, { requiredKeys: ['type'] }), { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('replace' as const), node: hostileNode }),
);

/** A valid document with one of its nodes changed (or, when it has none, with a node added). */
const mutatedDocument = fc.tuple(validDocument, fc.nat(), mutation).map(([original, at, change]) => {
  const document = structuredClone(original);
  const nodes = nodesOf(document);
  if (nodes.length === 0) {
    document.content.push(change.kind === 'replace' ? (change.node as RawNode) : { type: 'paragraph' });
    return document;
  }
  const node = nodes[at % nodes.length]! as unknown as Record<string, unknown>;
  if (change.kind === 'type') node.type = change.type;
  else if (change.kind === 'attrs') node.attrs = change.attrs;
  else if (change.kind === 'addAttr') node.attrs = { ...(node.attrs as object), [change.name]: change.value };
  else if (change.kind === 'marks') node.marks = change.marks;
  else {
    for (const key of Object.keys(node)) delete node[key];
    Object.assign(node, change.node);
  }
  return document;
});

/** Puts a node into a copy of the document at a place chosen by `at`. */
function insertAt(original: RawDoc, at: number, node: RawNode): RawDoc {
  const document = structuredClone(original);
  const containers = [document.content, ...nodesOf(document).filter((n) => n.type === 'blockquote' || n.type === 'listItem').map((n) => n.content!)];
  const target = containers[at % containers.length]!;
  target.splice(at % (target.length + 1), 0, node);
  return document;
}

// ---------------------------------------------------------------------------------------------

describe('checkDocument', () => {
  describe('what the editor stores', () => {
    /** Tiptap 3 StarterKit + Image getJSON() output for a post with every node and mark type. */
    const EDITOR_JSON = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Vårmöte' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Välkommen till ' },
            { type: 'text', marks: [{ type: 'bold' }], text: 'årsmötet' },
            { type: 'hardBreak' },
            {
              type: 'text',
              marks: [{ type: 'link', attrs: { href: 'https://example.se/program', target: '_blank', rel: EXTERNAL_REL, class: null, title: null } }, { type: 'italic' }],
              text: 'programmet',
            },
          ],
        },
        { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Dagordning' }] },
        { type: 'orderedList', attrs: { start: 1, type: null }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Öppnande' }] }] }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Fika' }] }] }] },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Alla är välkomna.' }] }] },
        { type: 'horizontalRule' },
        { type: 'image', attrs: { src: SRC, alt: 'Kören på trappan', title: null, width: null, height: null } },
        { type: 'paragraph' },
      ],
    };

    it('describes what the configured editor produces', () => {
      const schema = getSchema(postEditorExtensions);
      expect(schema.nodeFromJSON(EDITOR_JSON).toJSON()).toEqual(EDITOR_JSON);
    });

    it('accepts the editor output and strips link targets, rel, class and null attributes', () => {
      expect(checkDocument(EDITOR_JSON)).toStrictEqual({
        ok: true,
        document: {
          type: 'doc',
          content: [
            { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Vårmöte' }] },
            {
              type: 'paragraph',
              content: [
                { type: 'text', text: 'Välkommen till ' },
                { type: 'text', text: 'årsmötet', marks: [{ type: 'bold' }] },
                { type: 'hardBreak' },
                { type: 'text', text: 'programmet', marks: [{ type: 'link', attrs: { href: 'https://example.se/program' } }, { type: 'italic' }] },
              ],
            },
            { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Dagordning' }] },
            { type: 'orderedList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Öppnande' }] }] }] },
            { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Fika' }] }] }] },
            { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Alla är välkomna.' }] }] },
            { type: 'horizontalRule' },
            { type: 'image', attrs: { src: SRC, alt: 'Kören på trappan' } },
            { type: 'paragraph' },
          ],
        },
      });
    });

    it('accepts the editor output sent as the JSON text of a form field', () => {
      expect(checkDocument(JSON.stringify(EDITOR_JSON))).toStrictEqual(checkDocument(EDITOR_JSON));
    });

    it('keeps an ordered list start other than 1 and image sizes, and trims alt text', () => {
      const result = checkDocument(
        doc(
          { type: 'orderedList', attrs: { start: 4, type: null }, content: [{ type: 'listItem', content: [paragraph(text('fyra'))] }] },
          image({ alt: '  Kören  ', width: 800, height: 600, title: 'Kören' }),
        ),
      );
      expect(result).toStrictEqual({
        ok: true,
        document: doc(
          { type: 'orderedList', attrs: { start: 4 }, content: [{ type: 'listItem', content: [paragraph(text('fyra'))] }] },
          { type: 'image', attrs: { src: SRC, alt: 'Kören', width: 800, height: 600 } },
        ),
      });
    });

    it('drops an empty list of marks rather than keeping an undefined key', () => {
      expect(checkDocument(doc(paragraph({ type: 'text', text: 'x', marks: [] })))).toStrictEqual({ ok: true, document: doc(paragraph(text('x'))) });
    });

    it('accepts a valid document as the editor stores it, with all of its text', () => {
      const schema = getSchema(postEditorExtensions);
      fc.assert(
        fc.property(validDocument, (document) => {
          // The editor's document holds at least one block (its schema says block+).
          fc.pre(document.content.length > 0 && checkDocument(document).ok);
          // The editor fills in its attribute defaults, sorts marks its own way and joins
          // neighbouring texts with the same marks.
          const fromEditor = checkDocument(schema.nodeFromJSON(document).toJSON());
          expect(fromEditor.ok).toBe(true);
          if (fromEditor.ok) expect(expectSafeRendering(fromEditor.document).text).toBe(expectedText(document));
        }),
        RUNS,
      );
    });
  });

  describe('refusals', () => {
    it.each([
      ['a node type the editor does not offer', doc({ type: 'codeBlock', content: [text('x')] })],
      ['a script node', doc({ type: 'script', content: [text('alert(1)')] })],
      ['a mark the editor does not offer', doc(paragraph(text('x', { type: 'underline' })))],
      ['the same mark twice', doc(paragraph(text('x', { type: 'bold' }, { type: 'bold' })))],
      ['a heading level 1 (the post title is the h1)', doc({ type: 'heading', attrs: { level: 1 }, content: [text('x')] })],
      ['a heading level 4', doc({ type: 'heading', attrs: { level: 4 } })],
      ['an attribute the node does not have', doc({ type: 'paragraph', attrs: { style: 'color:red' } })],
      ['an event handler on an image', doc(image({ onerror: 'alert(1)' }))],
      ['an empty text node', doc(paragraph(text('')))],
      ['text directly in the document', doc(text('x'))],
      ['a list item outside a list', doc({ type: 'listItem', content: [paragraph()] })],
      ['an empty list', doc({ type: 'bulletList', content: [] })],
      ['an empty quote', doc(blockquote())],
      ['a fractional list start', doc({ type: 'orderedList', attrs: { start: 1.5 }, content: [{ type: 'listItem', content: [paragraph()] }] })],
      ['a text longer than MAX_TEXT_LENGTH', doc(paragraph(text('a'.repeat(MAX_TEXT_LENGTH + 1))))],
      ['an image size given as a string', doc(image({ width: '800" onload="alert(1)', height: 600 }))],
      ['a document without content', { type: 'doc' }],
      ['something else than a document', { type: 'paragraph', content: [] }],
      ['JSON text that does not parse', '{"type":"doc","content":['],
      ['null', null],
      ['a number', 42],
    ])('refuses %s as invalid', (_name, input) => {
      expect(checkDocument(input)).toEqual({ ok: false, problem: 'invalid' });
    });

    it.each([...XSS_PAYLOADS, 'https:', '//evil.example', '/relative', 'ftp://example.se/fil'])('refuses the link %j as unsafeLink', (href) => {
      expect(isSafeHref(href)).toBe(false);
      expect(checkDocument(doc(paragraph(text('klicka', link(href)))))).toEqual({ ok: false, problem: 'unsafeLink' });
    });

    it.each([...XSS_PAYLOADS, 'https://evil.example/media/abcdefghij0123456789/w800.jpg', '//evil.example' + SRC, `${SRC}?x`, `${SRC}\n`])(
      'refuses the image source %j as imageSource',
      (src) => {
        expect(checkDocument(doc(image({ src })))).toEqual({ ok: false, problem: 'imageSource' });
      },
    );

    it.each<[string, Record<string, unknown>]>([
      ['without alt', { src: SRC }],
      ['with alt null (the editor default)', { src: SRC, alt: null, title: null, width: null, height: null }],
      ['with an empty alt', { src: SRC, alt: '' }],
      ['with a blank alt', { src: SRC, alt: ' \t\n\u00a0\u3000' }],
    ])('refuses an image %s as imageAlt', (_name, attrs) => {
      expect(checkDocument(doc({ type: 'image', attrs }))).toEqual({ ok: false, problem: 'imageAlt' });
    });

    it('refuses an unsafe link, a foreign image and a missing alt however deep in the document', () => {
      const deep = (block: unknown) => doc(paragraph(text('före')), blockquote(bulletList([paragraph(text('a'))], [blockquote(block)])));
      expect(checkDocument(deep(paragraph(text('x', link('javascript:alert(1)')))))).toEqual({ ok: false, problem: 'unsafeLink' });
      expect(checkDocument(deep(image({ src: 'https://evil.example/x.png' })))).toEqual({ ok: false, problem: 'imageSource' });
      expect(checkDocument(deep(image({ alt: null })))).toEqual({ ok: false, problem: 'imageAlt' });
    });
  });

  describe('limits', () => {
    /** Paragraphs of `char` whose JSON is exactly `bytes` bytes long. */
    function documentOfBytes(bytes: number, char: string): unknown {
      const texts: string[] = [];
      const build = () => doc(...texts.map((t) => paragraph(text(t))));
      const chunk = MAX_TEXT_LENGTH / 4;
      for (;;) {
        texts.push('');
        const room = Math.floor((bytes - bytesOf(build())) / Buffer.byteLength(char));
        texts[texts.length - 1] = char.repeat(Math.min(room, chunk));
        if (room <= chunk) break;
      }
      // Top up with one-byte characters where a multi-byte one no longer fits.
      texts[texts.length - 1] += 'a'.repeat(bytes - bytesOf(build()));
      return build();
    }

    it.each(['a', 'å', '😀'])('accepts a document of exactly MAX_DOCUMENT_BYTES bytes of %j and refuses one byte more as tooLarge', (char) => {
      const atLimit = documentOfBytes(MAX_DOCUMENT_BYTES, char);
      expect(bytesOf(atLimit)).toBe(MAX_DOCUMENT_BYTES);
      expect(checkDocument(atLimit).ok).toBe(true);
      expect(checkDocument(JSON.stringify(atLimit)).ok).toBe(true);
      const over = documentOfBytes(MAX_DOCUMENT_BYTES + 1, char);
      expect(checkDocument(over)).toEqual({ ok: false, problem: 'tooLarge' });
      expect(checkDocument(JSON.stringify(over))).toEqual({ ok: false, problem: 'tooLarge' });
    });

    it('refuses a huge JSON text as tooLarge before parsing it', () => {
      expect(checkDocument(' '.repeat(MAX_DOCUMENT_BYTES + 1))).toEqual({ ok: false, problem: 'tooLarge' });
      expect(checkDocument(`[${'1,'.repeat(MAX_DOCUMENT_BYTES)}1]`)).toEqual({ ok: false, problem: 'tooLarge' });
    });

    it.each(['blockquote', 'bulletList'] as const)('accepts %s nested MAX_DEPTH deep and refuses one more level as tooDeep', (container) => {
      expect(checkDocument(nested(MAX_DEPTH, container)).ok).toBe(true);
      expect(checkDocument(nested(MAX_DEPTH + 1, container))).toEqual({ ok: false, problem: 'tooDeep' });
      expect(checkDocument(JSON.stringify(nested(MAX_DEPTH + 1, container)))).toEqual({ ok: false, problem: 'tooDeep' });
    });

    it('refuses 200 nested blockquotes as tooDeep', () => {
      expect(checkDocument(nested(200, 'blockquote'))).toEqual({ ok: false, problem: 'tooDeep' });
      expect(checkDocument(JSON.stringify(nested(200, 'blockquote')))).toEqual({ ok: false, problem: 'tooDeep' });
    });

    it('refuses a 100,000-deep nested array or object as tooDeep without overflowing the stack', () => {
      const depth = 100_000;
      expect(checkDocument('['.repeat(depth) + ']'.repeat(depth))).toEqual({ ok: false, problem: 'tooDeep' });
      expect(checkDocument('{"a":'.repeat(depth / 4) + '1' + '}'.repeat(depth / 4))).toEqual({ ok: false, problem: 'tooDeep' });
      let value: unknown = [];
      for (let i = 0; i < depth; i++) value = [value];
      expect(checkDocument(value)).toEqual({ ok: false, problem: 'tooDeep' });
      expect(checkDocument({ type: 'doc', content: [value] })).toEqual({ ok: false, problem: 'tooDeep' });
    });

    it('refuses a value that refers to itself without looping', () => {
      const cyclic: Record<string, unknown> = { type: 'doc', content: [] };
      (cyclic.content as unknown[]).push(cyclic);
      expect(checkDocument(cyclic).ok).toBe(false);
    });

    it('accepts MAX_IMAGES images and refuses one more as tooManyImages, counting those in lists and quotes', () => {
      const images = (n: number) => Array.from({ length: n }, () => image({}));
      expect(checkDocument(doc(...images(MAX_IMAGES))).ok).toBe(true);
      expect(checkDocument(doc(...images(MAX_IMAGES + 1)))).toEqual({ ok: false, problem: 'tooManyImages' });
      const spread = doc(...images(MAX_IMAGES - 1), blockquote(image({})), bulletList([image({})]));
      expect(checkDocument(spread)).toEqual({ ok: false, problem: 'tooManyImages' });
    });
  });

  describe('properties', () => {
    it('accepts every document built from the allow-list within the limits', () => {
      fc.assert(
        fc.property(validDocument, (document) => {
          const expected = bytesOf(document) > MAX_DOCUMENT_BYTES ? 'tooLarge' : countImages(document) > MAX_IMAGES ? 'tooManyImages' : null;
          const result = checkDocument(document);
          if (expected) expect(result).toEqual({ ok: false, problem: expected });
          else expect(result.ok).toBe(true);
        }),
        RUNS,
      );
    });

    it('never throws on arbitrary values, and what it accepts renders safely', () => {
      const input = fc.oneof(
        fc.anything({ withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true, withTypedArray: true }),
        fc.jsonValue(),
        fc.jsonValue().map((value) => JSON.stringify(value)),
        fc.string(),
        fc.record({ type: fc.constant('doc'), content: fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 4 }) }),
      );
      fc.assert(
        fc.property(input, (value) => {
          const result = checkDocument(value);
          if (result.ok) expectSafeRendering(result.document);
        }),
        RUNS,
      );
    });

    it('never throws on node trees with random types, attributes and marks, and what it accepts renders safely', () => {
      const input = fc.record({
        type: fc.constantFrom('doc', 'doc', 'doc', 'paragraph', 'Doc'),
        content: fc.array(fc.oneof(hostileNode, validDocument.map((d) => d.content[0] ?? { type: 'paragraph' })), { maxLength: 4 }),
      });
      fc.assert(
        fc.property(input, baseUrl, (value, base) => {
          const result = checkDocument(value);
          if (result.ok) expectSafeRendering(result.document, base);
        }),
        RUNS,
      );
    });

    it('never lets a valid document with one node changed render unsafely', () => {
      fc.assert(
        fc.property(mutatedDocument, baseUrl, (document, base) => {
          const result = checkDocument(document);
          if (result.ok) expectSafeRendering(result.document, base);
        }),
        RUNS,
      );
    });

    it('refuses a hostile link anywhere in a valid document as unsafeLink', () => {
      fc.assert(
        fc.property(validDocument, fc.nat(), hostileHref, hostileText, (document, at, href, words) => {
          expect(isSafeHref(href)).toBe(false);
          const withLink = insertAt(document, at, { type: 'paragraph', content: [{ type: 'text', text: words, marks: [{ type: 'link', attrs: { href } }] }] });
          const expected = bytesOf(withLink) > MAX_DOCUMENT_BYTES ? 'tooLarge' : 'unsafeLink';
          expect(checkDocument(withLink)).toEqual({ ok: false, problem: expected });
        }),
        RUNS,
      );
    });

    it('refuses a foreign image source anywhere in a valid document as imageSource, and a blank alt as imageAlt', () => {
      fc.assert(
        fc.property(validDocument, fc.nat(), fc.oneof(hostileSrc.map((src) => ({ src })), blankAlt.map((alt) => ({ alt }))), (document, at, attrs) => {
          const attributes: Record<string, unknown> = { src: SRC, alt: 'Kören', ...attrs };
          if (attributes.alt === undefined) delete attributes.alt;
          const withImage = insertAt(document, at, { type: 'image', attrs: attributes });
          const expected = bytesOf(withImage) > MAX_DOCUMENT_BYTES ? 'tooLarge' : 'src' in attrs ? 'imageSource' : 'imageAlt';
          expect(checkDocument(withImage)).toEqual({ ok: false, problem: expected });
        }),
        RUNS,
      );
    });

    it('normalises idempotently: checking an accepted document again returns it unchanged', () => {
      fc.assert(
        fc.property(fc.oneof(validDocument, mutatedDocument), (document) => {
          const first = checkDocument(document);
          fc.pre(first.ok);
          expect(checkDocument(first.document)).toStrictEqual(first);
          // Nothing a JSON column would lose or change (undefined keys, -0).
          expect(JSON.parse(JSON.stringify(first))).toStrictEqual(first);
        }),
        RUNS,
      );
    });

    it('treats JSON text like the value it parses to', () => {
      const input = fc.oneof(validDocument, mutatedDocument, fc.jsonValue({ maxDepth: 4 }));
      fc.assert(
        fc.property(input, (value) => {
          const json = JSON.stringify(value);
          expect(checkDocument(json)).toStrictEqual(checkDocument(JSON.parse(json)));
        }),
        RUNS,
      );
    });
  });
});

describe('isSafeHref', () => {
  it.each(['https://example.se', 'http://example.se/a?b=c#d', 'HTTPS://EXAMPLE.SE', 'mailto:styrelsen@example.se', 'tel:+46701234567'])('accepts %j', (href) => {
    expect(isSafeHref(href)).toBe(true);
  });

  it('refuses scripting and local schemes whatever their case, whitespace, controls or entities', () => {
    fc.assert(
      fc.property(hostileHref, (href) => {
        expect(isSafeHref(href)).toBe(false);
      }),
      RUNS,
    );
  });
});

describe('renderDocument', () => {
  it.each<[string, unknown, string]>([
    ['an empty paragraph', doc({ type: 'paragraph' }), '<p></p>'],
    ['a paragraph with a line break', doc(paragraph(text('ett'), { type: 'hardBreak' }, text('två'))), '<p>ett<br>två</p>'],
    [
      'headings of level 2 and 3',
      doc({ type: 'heading', attrs: { level: 2 }, content: [text('Rubrik')] }, { type: 'heading', attrs: { level: 3 }, content: [text('Under')] }),
      '<h2>Rubrik</h2><h3>Under</h3>',
    ],
    ['bold and italic, whatever order the editor listed them in', doc(paragraph(text('b', { type: 'italic' }, { type: 'bold' }))), '<p><em><strong>b</strong></em></p>'],
    [
      'a web link outside the marks, with rel',
      doc(paragraph(text('läs', { type: 'bold' }, link('https://example.se/?a=1&b="2"')))),
      '<p><a href="https://example.se/?a=1&amp;b=&quot;2&quot;" rel="noopener noreferrer nofollow"><strong>läs</strong></a></p>',
    ],
    ['an upper-case http link, with rel', doc(paragraph(text('x', link('HTTP://EXAMPLE.SE')))), '<p><a href="HTTP://EXAMPLE.SE" rel="noopener noreferrer nofollow">x</a></p>'],
    ['a mailto link, without rel', doc(paragraph(text('mejla', link('mailto:a@example.se')))), '<p><a href="mailto:a@example.se">mejla</a></p>'],
    ['a tel link, without rel', doc(paragraph(text('ring', link('tel:+4670123')))), '<p><a href="tel:+4670123">ring</a></p>'],
    [
      'lists',
      doc(
        bulletList([paragraph(text('a'))], [paragraph(text('b')), bulletList([paragraph(text('c'))])]),
        { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [paragraph(text('tre'))] }] },
        { type: 'orderedList', attrs: { start: 1, type: null }, content: [{ type: 'listItem', content: [paragraph(text('ett'))] }] },
      ),
      '<ul><li><p>a</p></li><li><p>b</p><ul><li><p>c</p></li></ul></li></ul><ol start="3"><li><p>tre</p></li></ol><ol><li><p>ett</p></li></ol>',
    ],
    ['a quote and a rule', doc(blockquote(paragraph(text('citat'))), { type: 'horizontalRule' }), '<blockquote><p>citat</p></blockquote><hr>'],
    [
      'an image with its size',
      doc(image({ alt: 'Kören "Vårljus"', width: 800, height: 600 })),
      `<figure class="post-image"><img src="${SRC}" alt="Kören &quot;Vårljus&quot;" width="800" height="600" loading="lazy" decoding="async"></figure>`,
    ],
    ['an image with only a width, without size', doc(image({ width: 800 })), `<figure class="post-image"><img src="${SRC}" alt="Kören på trappan" loading="lazy" decoding="async"></figure>`],
    ['text that looks like markup, escaped', doc(paragraph(text(`<b>"fet"</b> & 'fin' &lt;`))), '<p>&lt;b&gt;&quot;fet&quot;&lt;/b&gt; &amp; &#39;fin&#39; &amp;lt;</p>'],
  ])('renders %s', (_name, input, html) => {
    const result = checkDocument(input);
    expect(result.ok).toBe(true);
    if (result.ok) expect(renderDocument(result.document)).toBe(html);
  });

  it('makes image sources absolute with a base URL, for feeds', () => {
    const result = checkDocument(doc(image({})));
    expect(result.ok && renderDocument(result.document, { baseUrl: 'https://portal.example' })).toBe(
      `<figure class="post-image"><img src="https://portal.example${SRC}" alt="Kören på trappan" loading="lazy" decoding="async"></figure>`,
    );
  });

  it('renders nothing for an empty document', () => {
    expect(renderDocument({ type: 'doc', content: [] })).toBe('');
  });

  it('escapes the five HTML-special characters and nothing else', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a> åäö \u0000`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt; åäö \u0000');
  });

  it('drops unsafe links and foreign images of a document that skipped the validator', () => {
    const unchecked = doc(paragraph(text('klicka', link('javascript:alert(1)'))), image({ src: 'https://evil.example/x.png' })) as PostDocument;
    expect(renderDocument(unchecked)).toBe('<p>klicka</p>');
  });

  it('keeps an image size that skipped the validator out of the markup', () => {
    const unchecked = doc(image({ width: '1" onerror="alert(1)', height: 600 })) as PostDocument;
    expect(renderDocument(unchecked)).toBe(`<figure class="post-image"><img src="${SRC}" alt="Kören på trappan" loading="lazy" decoding="async"></figure>`);
  });

  it('renders a document that skipped the validator with hostile links, sources, sizes and list starts safely', () => {
    // Numbers in a sane range: a number cannot carry markup, only its string form can.
    const hostileNumber = fc.oneof(fc.integer({ min: -10_000, max: 10_000 }), fc.double({ min: -1e6, max: 1e6 }), hostileText, hostileHref);
    fc.assert(
      fc.property(validDocument, hostileHref, fc.oneof(hostileSrc, mediaSrc), hostileNumber, hostileNumber, hostileNumber, (original, href, src, width, height, start) => {
        const document = structuredClone(original);
        walk(document.content, (node) => {
          if (node.type === 'image') Object.assign(node.attrs!, { src, width, height });
          if (node.type === 'orderedList') node.attrs = { start };
          for (const mark of node.marks ?? []) if (mark.type === 'link') mark.attrs = { href };
        });
        const parsed = parseHtml(renderDocument(document as PostDocument));
        expect(unsafeParts(parsed)).toEqual([]);
        expect(parsed.text).toBe(expectedText(document));
      }),
      RUNS,
    );
  });
});

describe('checkDocument then renderDocument', () => {
  it('renders every accepted document with only allowed tags and attributes and exactly its text', () => {
    fc.assert(
      fc.property(validDocument, baseUrl, (document, base) => {
        const result = checkDocument(document);
        fc.pre(result.ok);
        if (result.ok) {
          const parsed = expectSafeRendering(result.document, base);
          expect(parsed.text).toBe(expectedText(document));
        }
      }),
      RUNS,
    );
  });

  it.each(XSS_PAYLOADS)('renders the payload %j as text, in a paragraph, a heading, a link and an alt', (payload) => {
    const result = checkDocument(
      doc(
        paragraph(text(payload)),
        { type: 'heading', attrs: { level: 2 }, content: [text(payload, { type: 'bold' })] },
        paragraph(text(payload, link('https://example.se/'))),
        image({ alt: payload }),
      ),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const parsed = expectSafeRendering(result.document);
    expect(parsed.elements.map((e) => e.name)).toEqual(['p', 'h2', 'strong', 'p', 'a', 'figure', 'img']);
    expect(parsed.text).toBe(payload.repeat(3));
    expect(new Map(parsed.elements.at(-1)!.attributes).get('alt')).toBe(payload.trim());
  });
});
