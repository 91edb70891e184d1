import Image from '@tiptap/extension-image';
import StarterKit from '@tiptap/starter-kit';
import { HEADING_LEVELS, isSafeHref } from '@/lib/news/document';

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
  Image.configure({ inline: false, allowBase64: false }),
];
