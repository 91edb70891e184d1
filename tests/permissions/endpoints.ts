/**
 * Finds every public entry point of the app: route handlers (their exported HTTP methods)
 * and server actions (exported functions of files that start with 'use server'). Each one
 * must have a row in the permission matrix.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = process.cwd();
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name === 'generated' || name.startsWith('.')) return [];
    return statSync(full).isDirectory() ? walk(full) : /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

function startsWithUseServer(source: string): boolean {
  const withoutComments = source.replace(/^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*/, '');
  return /^['"]use server['"]/.test(withoutComments.trimStart());
}

export interface Endpoints {
  /** `GET /api/health` style: method and the route's folder under app/. */
  routes: string[];
  /** `lib/auth/actions.ts#signOutAction`. */
  actions: string[];
  /** Files with an inline 'use server' (an action inside a component), which we do not allow. */
  inlineActions: string[];
}

export function findEndpoints(): Endpoints {
  const files = [...walk(path.join(ROOT, 'app')), ...walk(path.join(ROOT, 'lib')), ...walk(path.join(ROOT, 'components'))];
  const routes: string[] = [];
  const actions: string[] = [];
  const inlineActions: string[] = [];
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    if (/\/route\.tsx?$/.test(file)) {
      const route = `/${rel(path.dirname(file)).replace(/^app\/?/, '')}`;
      for (const method of HTTP_METHODS) {
        if (new RegExp(`export\\s+(async\\s+)?(function\\s+${method}\\b|const\\s+${method}\\b)`).test(source)) routes.push(`${method} ${route}`);
      }
    }
    if (startsWithUseServer(source)) {
      for (const match of source.matchAll(/export\s+async\s+function\s+(\w+)/g)) actions.push(`${rel(file)}#${match[1]}`);
    } else if (/['"]use server['"]/.test(source)) {
      inlineActions.push(rel(file));
    }
  }
  return { routes: routes.sort(), actions: actions.sort(), inlineActions };
}
