/** Turns the seed's plain paragraphs into the Tiptap JSON the news editor stores. */
type TiptapNode = {
  type: string;
  attrs?: { level: number };
  content?: TiptapNode[];
  text?: string;
};

const text = (value: string): TiptapNode[] => [{ type: 'text', text: value }];

export function paragraphsToTiptap(blocks: string[]): TiptapNode {
  const content: TiptapNode[] = [];
  for (const block of blocks) {
    if (block.startsWith('## ')) {
      content.push({ type: 'heading', attrs: { level: 2 }, content: text(block.slice(3)) });
    } else if (block.startsWith('- ')) {
      const item: TiptapNode = { type: 'listItem', content: [{ type: 'paragraph', content: text(block.slice(2)) }] };
      const last = content.at(-1);
      if (last?.type === 'bulletList') last.content?.push(item);
      else content.push({ type: 'bulletList', content: [item] });
    } else {
      content.push({ type: 'paragraph', content: text(block) });
    }
  }
  return { type: 'doc', content };
}
