/**
 * Signs a demo user in over HTTP the way a browser without JavaScript does: load /logga-in,
 * take the password form with its hidden fields (the server action's id and state), post it
 * back as multipart form data and keep the session cookie the answer sets.
 */
import { Parser } from 'htmlparser2';

export interface FormField {
  name: string;
  value: string;
}

export interface HtmlForm {
  action: string | null;
  fields: FormField[];
}

/** The forms of a page with their named inputs (hidden ones with their values). */
export function formsOf(html: string): HtmlForm[] {
  const forms: HtmlForm[] = [];
  let current: HtmlForm | null = null;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'form') current = { action: attributes.action ?? null, fields: [] };
      else if (current && (name === 'input' || name === 'button') && attributes.name) {
        current.fields.push({ name: attributes.name, value: attributes.value ?? '' });
      }
    },
    onclosetag(name) {
      if (name === 'form' && current) {
        forms.push(current);
        current = null;
      }
    },
  });
  parser.write(html);
  parser.end();
  return forms;
}

/** Returns the `name=value` of the session cookie. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const page = await fetch(`${baseUrl}/logga-in`, { signal: AbortSignal.timeout(30_000) });
  if (!page.ok) throw new Error(`GET /logga-in answered ${page.status}`);
  const form = formsOf(await page.text()).find((f) => f.fields.some((x) => x.name === 'password'));
  if (!form) throw new Error('/logga-in has no password form');
  const body = new FormData();
  for (const field of form.fields) {
    if (field.name === 'email') body.append('email', email);
    else if (field.name === 'password') body.append('password', password);
    else body.append(field.name, field.value);
  }
  const target = new URL(form.action && !form.action.startsWith('javascript:') ? form.action : '/logga-in', baseUrl);
  const answer = await fetch(target, { method: 'POST', body, redirect: 'manual', headers: { Origin: baseUrl }, signal: AbortSignal.timeout(30_000) });
  const cookie = answer.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => /^(__Host-)?lisa-session=./.test(c));
  if (!cookie) throw new Error(`Signing in as ${email} set no session cookie (POST answered ${answer.status})`);
  return cookie;
}
