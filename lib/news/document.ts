/**
 * The news post body: Tiptap JSON checked against an allow-list before it is stored, and
 * checked again when it is read (a row written by an older version or by hand is never
 * trusted). The node and mark names here are the ones the editor is configured with
 * (components/news/editor/extensions.ts) and the only ones the renderer (./render.ts) knows.
 *
 * Anything outside the list is refused, not dropped: an editor that produced it is out of step
 * with the server, and silently losing part of a post is worse than a clear error.
 */
import { z } from 'zod';

/** Block nodes the editor offers. */
export const BLOCK_NODE_TYPES = ['paragraph', 'heading', 'bulletList', 'orderedList', 'listItem', 'blockquote', 'horizontalRule', 'image'] as const;
/** Inline nodes. */
export const INLINE_NODE_TYPES = ['text', 'hardBreak'] as const;
export const MARK_TYPES = ['bold', 'italic', 'link'] as const;
/** Heading levels the editor offers: the post title is the page's h1. */
export const HEADING_LEVELS = [2, 3] as const;

/** The serialised document may be at most this large (about 60 pages of text). */
export const MAX_DOCUMENT_BYTES = 200_000;
/** Lists inside lists inside quotes: deeper than this is no longer a news post. */
export const MAX_DEPTH = 12;
export const MAX_TEXT_LENGTH = 20_000;
export const MAX_HREF_LENGTH = 2_000;
export const MAX_ALT_LENGTH = 300;
export const MAX_IMAGES = 20;

/** Image sources are the portal's own resized variants; nothing from other hosts. */
export const MEDIA_SRC_PATTERN = /^\/media\/([a-z0-9]{20,32})\/w(\d{2,4})\.(jpg|png|webp)$/;

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/** A link target a resident's browser may follow: http(s), mailto or tel, nothing else. */
export function isSafeHref(href: string): boolean {
  if (href.length === 0 || href.length > MAX_HREF_LENGTH) return false;
  // Control characters and whitespace inside a URL are how scheme filters are fooled.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (/[\u0000-\u0020\u007f-\u009f]/.test(href)) return false;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (!LINK_PROTOCOLS.has(url.protocol)) return false;
  if (url.protocol === 'http:' || url.protocol === 'https:') return url.hostname.length > 0;
  return href.length > url.protocol.length;
}

const text = z.string().min(1).max(MAX_TEXT_LENGTH);

const linkMark = z.strictObject({
  type: z.literal('link'),
  attrs: z.looseObject({ href: z.string().refine(isSafeHref, { message: 'unsafeLink' }) }),
});
const mark = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('bold') }),
  z.strictObject({ type: z.literal('italic') }),
  linkMark,
]);

const textNode = z.strictObject({
  type: z.literal('text'),
  text,
  marks: z
    .array(mark)
    .max(MARK_TYPES.length)
    .refine((marks) => new Set(marks.map((m) => m.type)).size === marks.length, { message: 'duplicateMark' })
    .optional(),
});
const hardBreak = z.strictObject({ type: z.literal('hardBreak') });
const inline = z.discriminatedUnion('type', [textNode, hardBreak]);
const inlineContent = z.array(inline).max(2_000).optional();

const imageNode = z.strictObject({
  type: z.literal('image'),
  attrs: z.strictObject({
    src: z.string().regex(MEDIA_SRC_PATTERN, { message: 'imageSource' }),
    // The editor leaves alt null until it is written: a missing alt is the same problem as a blank one.
    alt: z.string({ error: 'imageAlt' }).trim().min(1, { message: 'imageAlt' }).max(MAX_ALT_LENGTH),
    title: z.string().max(MAX_ALT_LENGTH).nullable().optional(),
    width: z.number().int().positive().max(10_000).nullable().optional(),
    height: z.number().int().positive().max(10_000).nullable().optional(),
  }),
});

/** Block nodes refer to each other (a quote holds lists, a list item holds paragraphs). */
type Block =
  | { type: 'paragraph'; content?: Inline[] }
  | { type: 'heading'; attrs: { level: 2 | 3 }; content?: Inline[] }
  | { type: 'bulletList'; content: ListItem[] }
  | { type: 'orderedList'; attrs?: { start?: number; type?: string | null }; content: ListItem[] }
  | { type: 'blockquote'; content: Block[] }
  | { type: 'horizontalRule' }
  | z.infer<typeof imageNode>;
type ListItem = { type: 'listItem'; content: Block[] };
export type Inline = z.infer<typeof inline>;
export type Mark = z.infer<typeof mark>;
export type PostBlock = Block;
export type PostListItem = ListItem;
export interface PostDocument {
  type: 'doc';
  content: Block[];
}

const paragraph = z.strictObject({ type: z.literal('paragraph'), attrs: z.strictObject({}).optional(), content: inlineContent });
const heading = z.strictObject({
  type: z.literal('heading'),
  attrs: z.strictObject({ level: z.union(HEADING_LEVELS.map((l) => z.literal(l)) as [z.ZodLiteral<2>, z.ZodLiteral<3>]) }),
  content: inlineContent,
});
const horizontalRule = z.strictObject({ type: z.literal('horizontalRule') });

const listItem: z.ZodType<ListItem> = z.lazy(() =>
  z.strictObject({ type: z.literal('listItem'), content: z.array(block).min(1).max(50) }),
);
const bulletList = z.strictObject({ type: z.literal('bulletList'), content: z.array(listItem).min(1).max(500) });
const orderedList = z.strictObject({
  type: z.literal('orderedList'),
  attrs: z
    .strictObject({ start: z.number().int().min(0).max(100_000).optional(), type: z.string().max(1).nullable().optional() })
    .optional(),
  content: z.array(listItem).min(1).max(500),
});
const blockquote: z.ZodType<Extract<Block, { type: 'blockquote' }>> = z.lazy(() =>
  z.strictObject({ type: z.literal('blockquote'), content: z.array(block).min(1).max(200) }),
);
const block: z.ZodType<Block> = z.lazy(() =>
  z.discriminatedUnion('type', [paragraph, heading, bulletList, orderedList, blockquote, horizontalRule, imageNode] as never) as z.ZodType<Block>,
);

const documentSchema = z.strictObject({ type: z.literal('doc'), content: z.array(block).max(2_000) });

export type DocumentProblem = 'tooLarge' | 'tooDeep' | 'tooManyImages' | 'unsafeLink' | 'imageAlt' | 'imageSource' | 'invalid';

export type DocumentCheck = { ok: true; document: PostDocument } | { ok: false; problem: DocumentProblem };

/** Depth of nested arrays and objects, without recursion a hostile input could exhaust. */
function depthWithin(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth > limit) return false;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return true;
}

function countImages(blocks: Block[]): number {
  let count = 0;
  for (const b of blocks) {
    if (b.type === 'image') count += 1;
    else if (b.type === 'bulletList' || b.type === 'orderedList') count += b.content.reduce((n, item) => n + countImages(item.content), 0);
    else if (b.type === 'blockquote') count += countImages(b.content);
  }
  return count;
}

/** How many quotes and lists a block sits inside, the nesting MAX_DEPTH limits. */
function nestingDepth(blocks: Block[]): number {
  let deepest = 0;
  for (const b of blocks) {
    if (b.type === 'blockquote') deepest = Math.max(deepest, 1 + nestingDepth(b.content));
    else if (b.type === 'bulletList' || b.type === 'orderedList')
      deepest = Math.max(deepest, 1 + b.content.reduce((d, item) => Math.max(d, nestingDepth(item.content)), 0));
  }
  return deepest;
}

/**
 * A bound on the JSON depth of a document within MAX_DEPTH, checked before the schema walks it:
 * a list level is four levels of JSON (list, content, item, content), and the innermost block
 * adds at most eight (doc, content, paragraph, content, text, marks, mark, attrs). The exact
 * nesting is counted once the schema has passed.
 */
const JSON_DEPTH_LIMIT = MAX_DEPTH * 4 + 8;

/**
 * Checks a document from any source (a form field's JSON text or a parsed value). The size and
 * depth are checked before the schema walks it, so a huge or deep input costs little.
 */
export function checkDocument(input: unknown): DocumentCheck {
  let value = input;
  if (typeof input === 'string') {
    if (Buffer.byteLength(input, 'utf8') > MAX_DOCUMENT_BYTES) return { ok: false, problem: 'tooLarge' };
    try {
      value = JSON.parse(input);
    } catch {
      return { ok: false, problem: 'invalid' };
    }
  } else {
    let serialised: string | undefined;
    try {
      serialised = JSON.stringify(input);
    } catch {
      // Serialising throws on BigInt, on cycles and on nesting deep enough to exhaust the stack;
      // the last two are too deep, as the same value sent as JSON text would be.
      return { ok: false, problem: depthWithin(input, JSON_DEPTH_LIMIT) ? 'invalid' : 'tooDeep' };
    }
    if (serialised === undefined) return { ok: false, problem: 'invalid' };
    if (Buffer.byteLength(serialised, 'utf8') > MAX_DOCUMENT_BYTES) return { ok: false, problem: 'tooLarge' };
  }
  if (!depthWithin(value, JSON_DEPTH_LIMIT)) return { ok: false, problem: 'tooDeep' };
  const parsed = documentSchema.safeParse(value);
  if (!parsed.success) {
    const messages = new Set(parsed.error.issues.flatMap((issue) => collectMessages(issue)));
    if (messages.has('unsafeLink')) return { ok: false, problem: 'unsafeLink' };
    if (messages.has('imageAlt')) return { ok: false, problem: 'imageAlt' };
    if (messages.has('imageSource')) return { ok: false, problem: 'imageSource' };
    return { ok: false, problem: 'invalid' };
  }
  const document = normalise(parsed.data as PostDocument);
  if (nestingDepth(document.content) > MAX_DEPTH) return { ok: false, problem: 'tooDeep' };
  if (countImages(document.content) > MAX_IMAGES) return { ok: false, problem: 'tooManyImages' };
  return { ok: true, document };
}

/** Messages of an issue and of the union branches under it (a bad link inside a union). */
function collectMessages(issue: z.core.$ZodIssue): string[] {
  const own = [issue.message];
  if (issue.code === 'invalid_union') return [...own, ...issue.errors.flat().flatMap((i) => collectMessages(i))];
  return own;
}

/**
 * Keeps only what the portal uses: the editor adds link targets, rel and class, null image
 * titles and list types; stored documents carry none of it.
 */
function normalise(document: PostDocument): PostDocument {
  const marks = (list: Mark[] | undefined): Mark[] | undefined =>
    list && list.length > 0 ? list.map((m) => (m.type === 'link' ? { type: 'link', attrs: { href: m.attrs.href } } : { type: m.type })) : undefined;
  const inlines = (list: Inline[] | undefined): Inline[] | undefined =>
    list?.map((node) =>
      node.type === 'text' ? { type: 'text', text: node.text, ...(node.marks && node.marks.length > 0 ? { marks: marks(node.marks) } : {}) } : node,
    );
  const blocks = (list: Block[]): Block[] =>
    list.map((b): Block => {
      switch (b.type) {
        case 'paragraph':
          return b.content && b.content.length > 0 ? { type: 'paragraph', content: inlines(b.content) } : { type: 'paragraph' };
        case 'heading':
          return { type: 'heading', attrs: { level: b.attrs.level }, ...(b.content ? { content: inlines(b.content) } : {}) };
        case 'bulletList':
          return { type: 'bulletList', content: b.content.map((i) => ({ type: 'listItem', content: blocks(i.content) })) };
        case 'orderedList': {
          const start = b.attrs?.start;
          return {
            type: 'orderedList',
            ...(start !== undefined && start !== 1 ? { attrs: { start } } : {}),
            content: b.content.map((i) => ({ type: 'listItem', content: blocks(i.content) })),
          };
        }
        case 'blockquote':
          return { type: 'blockquote', content: blocks(b.content) };
        case 'horizontalRule':
          return { type: 'horizontalRule' };
        case 'image': {
          const { src, alt, width, height } = b.attrs;
          return { type: 'image', attrs: { src, alt: alt.trim(), ...(width ? { width } : {}), ...(height ? { height } : {}) } };
        }
      }
    });
  return { type: 'doc', content: blocks(document.content) };
}

/** An empty post body, as the editor starts. */
export const EMPTY_DOCUMENT: PostDocument = { type: 'doc', content: [{ type: 'paragraph' }] };

/** The document's words for search, feeds' plain text and summaries. */
export function documentText(document: PostDocument): string {
  const parts: string[] = [];
  const walk = (blocks: Block[]) => {
    for (const b of blocks) {
      if (b.type === 'paragraph' || b.type === 'heading') {
        parts.push((b.content ?? []).map((n) => (n.type === 'text' ? n.text : ' ')).join(''));
      } else if (b.type === 'bulletList' || b.type === 'orderedList') {
        for (const item of b.content) walk(item.content);
      } else if (b.type === 'blockquote') {
        walk(b.content);
      } else if (b.type === 'image') {
        parts.push(b.attrs.alt);
      }
    }
  };
  walk(document.content);
  return parts.join('\n').replace(/[ \t]+/g, ' ').trim();
}

/** The asset ids of the document's images, each once. */
export function documentImageIds(document: PostDocument): string[] {
  const ids = new Set<string>();
  const walk = (blocks: Block[]) => {
    for (const b of blocks) {
      if (b.type === 'image') ids.add(MEDIA_SRC_PATTERN.exec(b.attrs.src)![1]!);
      else if (b.type === 'bulletList' || b.type === 'orderedList') for (const item of b.content) walk(item.content);
      else if (b.type === 'blockquote') walk(b.content);
    }
  };
  walk(document.content);
  return [...ids];
}
