'use client';

import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { useId, useState } from 'react';
import { isSafeHref, type PostDocument } from '@/lib/news/document';
import { postEditorExtensions } from './extensions';

export interface BodyEditorTexts {
  label: string;
  hint: string;
  toolbar: string;
  heading2: string;
  heading3: string;
  bold: string;
  italic: string;
  bulletList: string;
  orderedList: string;
  quote: string;
  link: string;
  linkUrl: string;
  linkApply: string;
  linkRemove: string;
  linkInvalid: string;
  image: string;
  imageFile: string;
  imageAlt: string;
  imageAltHint: string;
  imageUpload: string;
  imageUploading: string;
  imageAltRequired: string;
  imageFailed: string;
  imageType: string;
  imageTooLarge: string;
  imageTooSmall: string;
  undo: string;
  redo: string;
  cancel: string;
  noScript: string;
}

interface BodyEditorProps {
  id: string;
  initial: PostDocument;
  organizationId: string;
  texts: BodyEditorTexts;
  error?: string;
  /** Called with the document's JSON text on every change. */
  onChange: (json: string) => void;
}

type Panel = 'none' | 'link' | 'image';

const UPLOAD_PROBLEMS = ['imageType', 'imageTooLarge', 'imageTooSmall'] as const;

/** The upload route's reason for a refusal, when it is one the person can act on. */
async function uploadProblem(response: Response): Promise<(typeof UPLOAD_PROBLEMS)[number] | null> {
  try {
    const body = (await response.json()) as { error?: { fields?: { file?: string[] } } };
    const key = body.error?.fields?.file?.[0];
    return UPLOAD_PROBLEMS.find((p) => p === key) ?? null;
  } catch {
    return null;
  }
}

/**
 * The rich-text part of the news editor (Tiptap). The document travels in a hidden field of
 * the surrounding form as JSON; the server checks it against the same allow-list the
 * extensions are configured from.
 */
export function BodyEditor({ id, initial, organizationId, texts, error, onChange }: BodyEditorProps) {
  const hintId = useId();
  const errorId = useId();
  const [panel, setPanel] = useState<Panel>('none');
  const [linkUrl, setLinkUrl] = useState('');
  const [panelMessage, setPanelMessage] = useState('');
  const [alt, setAlt] = useState('');
  const [uploading, setUploading] = useState(false);

  const editor = useEditor({
    extensions: postEditorExtensions,
    content: initial,
    // Rendered on the server without the editor; it mounts in the browser only.
    immediatelyRender: false,
    // The content security policy allows no inline styles; news.css carries the editor's few rules.
    injectCSS: false,
    editorProps: {
      attributes: {
        id,
        class: 'post-editor__content',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': `${id}-label`,
        'aria-describedby': [hintId, error ? errorId : ''].filter(Boolean).join(' '),
        ...(error ? { 'aria-invalid': 'true' } : {}),
      },
    },
    onUpdate: ({ editor: e }) => onChange(JSON.stringify(e.getJSON())),
  });

  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e?.isActive('heading', { level: 2 }) ?? false,
      h3: e?.isActive('heading', { level: 3 }) ?? false,
      bold: e?.isActive('bold') ?? false,
      italic: e?.isActive('italic') ?? false,
      bulletList: e?.isActive('bulletList') ?? false,
      orderedList: e?.isActive('orderedList') ?? false,
      quote: e?.isActive('blockquote') ?? false,
      link: e?.isActive('link') ?? false,
    }),
  });

  const toggle = (label: string, pressed: boolean | undefined, run: () => void) => (
    <button type="button" className="post-editor__tool" aria-pressed={pressed} onClick={run} disabled={!editor}>
      {label}
    </button>
  );

  const openLink = () => {
    setLinkUrl((editor?.getAttributes('link').href as string | undefined) ?? '');
    setPanelMessage('');
    setPanel(panel === 'link' ? 'none' : 'link');
  };

  const applyLink = () => {
    const href = linkUrl.trim();
    if (!isSafeHref(href)) {
      setPanelMessage(texts.linkInvalid);
      return;
    }
    editor?.chain().focus().extendMarkRange('link').setLink({ href }).run();
    setPanel('none');
  };

  const upload = async (input: HTMLInputElement | null) => {
    const file = input?.files?.[0];
    if (!alt.trim()) {
      setPanelMessage(texts.imageAltRequired);
      return;
    }
    if (!file) {
      setPanelMessage(texts.imageFailed);
      return;
    }
    setUploading(true);
    setPanelMessage('');
    const body = new FormData();
    body.set('file', file);
    body.set('alt', alt.trim());
    body.set('organizationId', organizationId);
    try {
      const response = await fetch('/api/media', { method: 'POST', body });
      if (!response.ok) {
        const problem = await uploadProblem(response);
        setPanelMessage(problem ? texts[problem] : texts.imageFailed);
        return;
      }
      const image = (await response.json()) as { src: string; width: number; height: number; altText: string };
      editor?.chain().focus().setImage({ src: image.src, alt: image.altText, width: image.width, height: image.height }).run();
      setAlt('');
      setPanel('none');
    } catch {
      setPanelMessage(texts.imageFailed);
    } finally {
      setUploading(false);
    }
  };

  return (
    <div className="form-field post-editor">
      <p className="post-editor__label" id={`${id}-label`}>
        {texts.label}
      </p>
      <p id={hintId} className="form-hint">
        {texts.hint}
      </p>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
      <noscript>
        <p className="post-editor__noscript">{texts.noScript}</p>
      </noscript>
      <div className="post-editor__toolbar" role="toolbar" aria-label={texts.toolbar} aria-controls={id}>
        {toggle(texts.heading2, active?.h2, () => editor?.chain().focus().toggleHeading({ level: 2 }).run())}
        {toggle(texts.heading3, active?.h3, () => editor?.chain().focus().toggleHeading({ level: 3 }).run())}
        {toggle(texts.bold, active?.bold, () => editor?.chain().focus().toggleBold().run())}
        {toggle(texts.italic, active?.italic, () => editor?.chain().focus().toggleItalic().run())}
        {toggle(texts.bulletList, active?.bulletList, () => editor?.chain().focus().toggleBulletList().run())}
        {toggle(texts.orderedList, active?.orderedList, () => editor?.chain().focus().toggleOrderedList().run())}
        {toggle(texts.quote, active?.quote, () => editor?.chain().focus().toggleBlockquote().run())}
        <button type="button" className="post-editor__tool" aria-expanded={panel === 'link'} onClick={openLink} disabled={!editor}>
          {texts.link}
        </button>
        <button
          type="button"
          className="post-editor__tool"
          aria-expanded={panel === 'image'}
          onClick={() => {
            setPanelMessage('');
            setPanel(panel === 'image' ? 'none' : 'image');
          }}
          disabled={!editor}
        >
          {texts.image}
        </button>
        <button type="button" className="post-editor__tool" onClick={() => editor?.chain().focus().undo().run()} disabled={!editor}>
          {texts.undo}
        </button>
        <button type="button" className="post-editor__tool" onClick={() => editor?.chain().focus().redo().run()} disabled={!editor}>
          {texts.redo}
        </button>
      </div>
      {panel === 'link' ? (
        <div className="post-editor__panel">
          <label htmlFor={`${id}-link`}>{texts.linkUrl}</label>
          <input
            id={`${id}-link`}
            type="url"
            value={linkUrl}
            onChange={(e) => setLinkUrl(e.target.value)}
            onKeyDown={(e) => {
              // Enter applies the link instead of submitting the whole post.
              if (e.key === 'Enter') {
                e.preventDefault();
                applyLink();
              }
            }}
            autoFocus
          />
          <div className="post-editor__panel-actions">
            <button type="button" className="button" onClick={applyLink}>
              {texts.linkApply}
            </button>
            {active?.link ? (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  editor?.chain().focus().extendMarkRange('link').unsetLink().run();
                  setPanel('none');
                }}
              >
                {texts.linkRemove}
              </button>
            ) : null}
            <button type="button" className="button button--secondary" onClick={() => setPanel('none')}>
              {texts.cancel}
            </button>
          </div>
        </div>
      ) : null}
      {panel === 'image' ? (
        <div className="post-editor__panel">
          <label htmlFor={`${id}-image-file`}>{texts.imageFile}</label>
          <input id={`${id}-image-file`} type="file" accept="image/jpeg,image/png,image/webp" />
          <label htmlFor={`${id}-image-alt`}>{texts.imageAlt}</label>
          <p className="form-hint" id={`${id}-image-alt-hint`}>
            {texts.imageAltHint}
          </p>
          <input
            id={`${id}-image-alt`}
            type="text"
            value={alt}
            maxLength={300}
            aria-describedby={`${id}-image-alt-hint`}
            onChange={(e) => setAlt(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') e.preventDefault();
            }}
          />
          <div className="post-editor__panel-actions">
            <button
              type="button"
              className="button"
              disabled={uploading}
              onClick={() => upload(document.getElementById(`${id}-image-file`) as HTMLInputElement | null)}
            >
              {uploading ? texts.imageUploading : texts.imageUpload}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setPanel('none')}>
              {texts.cancel}
            </button>
          </div>
        </div>
      ) : null}
      {panel !== 'none' && panelMessage ? (
        <p className="field-error" role="alert">
          {panelMessage}
        </p>
      ) : null}
      <EditorContent editor={editor} />
    </div>
  );
}
