/**
 * The service form's texts travel to the browser as one resolved tree (the `ServiceForm`
 * namespace), so the form can word any field path, including rows added in the browser.
 */
export interface MessageTree {
  [key: string]: string | MessageTree;
}

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Looks up `a.b.c`; `{name}` placeholders are filled in. A missing key shows itself, never breaks the form. */
export function translator(tree: MessageTree): Translate {
  return (key, values = {}) => {
    let node: string | MessageTree | undefined = tree;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    if (typeof node !== 'string') return key;
    return node.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  };
}

/** Whether the tree has this key (for optional hints). */
export function hasMessage(tree: MessageTree, key: string): boolean {
  let node: string | MessageTree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string';
}
