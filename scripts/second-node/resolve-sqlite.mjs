/** The resolve hook of sqlite-binding.mjs: any file of the project's better-sqlite3 → the same file of the copy built for this Node. */
import { pathToFileURL } from 'node:url';

const PACKAGE = '/node_modules/better-sqlite3/';
let target = null;

export function initialize({ sqlitePackage }) {
  if (sqlitePackage) target = pathToFileURL(sqlitePackage).href.replace(/\/?$/, '/');
}

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  const at = target ? resolved.url.indexOf(PACKAGE) : -1;
  return at < 0 ? resolved : { ...resolved, url: target + resolved.url.slice(at + PACKAGE.length) };
}
