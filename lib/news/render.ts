/**
 * Renders a checked post document to HTML on the server: the post page, the preview, the
 * coordinator's moderation view and the Atom feed all use this one function. Only the node and
 * mark types of ./document.ts become elements; every text and attribute value is escaped here,
 * so no markup written by a user reaches a browser.
 */
import { MEDIA_SRC_PATTERN, isSafeHref, type Inline, type PostBlock, type PostDocument } from './document';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export interface RenderOptions {
  /** Absolute links for feeds read outside the site ("https://portal.example"). */
  baseUrl?: string;
}

function renderInline(nodes: Inline[] | undefined): string {
  if (!nodes) return '';
  return nodes
    .map((node) => {
      if (node.type === 'hardBreak') return '<br>';
      let html = escapeHtml(node.text);
      // Marks are applied innermost first in a fixed order, so the output is stable whatever
      // order the editor listed them in.
      const marks = node.marks ?? [];
      if (marks.some((m) => m.type === 'bold')) html = `<strong>${html}</strong>`;
      if (marks.some((m) => m.type === 'italic')) html = `<em>${html}</em>`;
      const link = marks.find((m) => m.type === 'link');
      // Checked again here: a document that skipped the validator still cannot carry a script link.
      if (link && link.type === 'link' && isSafeHref(link.attrs.href)) {
        const external = /^https?:/i.test(link.attrs.href);
        html = `<a href="${escapeHtml(link.attrs.href)}"${external ? ' rel="noopener noreferrer nofollow"' : ''}>${html}</a>`;
      }
      return html;
    })
    .join('');
}

function renderImage(attrs: Extract<PostBlock, { type: 'image' }>['attrs'], options: RenderOptions): string {
  if (!MEDIA_SRC_PATTERN.test(attrs.src)) return '';
  // Checked again like the list start: a size that is not a positive integer never reaches an attribute.
  const isSize = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value > 0;
  const size = isSize(attrs.width) && isSize(attrs.height) ? ` width="${attrs.width}" height="${attrs.height}"` : '';
  const src = `${options.baseUrl ?? ''}${attrs.src}`;
  return `<figure class="post-image"><img src="${escapeHtml(src)}" alt="${escapeHtml(attrs.alt)}"${size} loading="lazy" decoding="async"></figure>`;
}

function renderBlocks(blocks: PostBlock[], options: RenderOptions): string {
  return blocks
    .map((b) => {
      switch (b.type) {
        case 'paragraph':
          return `<p>${renderInline(b.content)}</p>`;
        case 'heading': {
          const tag = b.attrs.level === 3 ? 'h3' : 'h2';
          return `<${tag}>${renderInline(b.content)}</${tag}>`;
        }
        case 'bulletList':
          return `<ul>${b.content.map((item) => `<li>${renderBlocks(item.content, options)}</li>`).join('')}</ul>`;
        case 'orderedList': {
          const start = b.attrs?.start;
          const startAttr = typeof start === 'number' && Number.isInteger(start) && start !== 1 ? ` start="${start}"` : '';
          return `<ol${startAttr}>${b.content.map((item) => `<li>${renderBlocks(item.content, options)}</li>`).join('')}</ol>`;
        }
        case 'blockquote':
          return `<blockquote>${renderBlocks(b.content, options)}</blockquote>`;
        case 'horizontalRule':
          return '<hr>';
        case 'image':
          return renderImage(b.attrs, options);
        default:
          return '';
      }
    })
    .join('');
}

/** HTML for a document that passed checkDocument. */
export function renderDocument(document: PostDocument, options: RenderOptions = {}): string {
  return renderBlocks(document.content, options);
}
