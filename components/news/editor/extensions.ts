import Image from '@tiptap/extension-image';
import StarterKit from '@tiptap/starter-kit';
import { HEADING_LEVELS, isSafeHref, MEDIA_SRC_PATTERN } from '@/lib/news/document';

/**
 * The editor offers exactly the node and mark types lib/news/document.ts allows: everything
 * else in the starter kit is switched off, so the editor cannot produce what the server
 * would refuse.
 */
export const postEditorExtensions = [
  StarterKit.configure({
    heading: { levels: [...HEADING_LEVELS] },
    code: false,
    codeBlock: false,
    strike: false,
    underline: false,
    link: {
      openOnClick: false,
      autolink: true,
      protocols: ['mailto', 'tel'],
      defaultProtocol: 'https',
      isAllowedUri: (url) => isSafeHref(url),
    },
  }),
  // Only the association's own uploads: an image pasted from another site is dropped on
  // paste instead of being refused by the server at the next save.
  Image.extend({
    parseHTML() {
      return [{ tag: 'img[src]', getAttrs: (element) => (MEDIA_SRC_PATTERN.test(element.getAttribute('src') ?? '') ? null : false) }];
    },
  }).configure({ inline: false, allowBase64: false }),
];
