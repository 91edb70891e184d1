/**
 * Fills `{name}`-style placeholders in a message resolved on the server, for the few texts
 * whose values only the browser knows (a service name, a date). Client components get
 * their texts as props, so no message catalogue is shipped; these templates hold no ICU
 * plurals or selects, only plain placeholders.
 */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, key: string) =>
    Object.hasOwn(values, key) ? String(values[key]) : placeholder,
  );
}
