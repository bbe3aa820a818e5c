/**
 * Loaded with `--import` when the tests run on a second Node major: the
 * project's better-sqlite3 is built for the Node that installed it, so
 * `import 'better-sqlite3'` is pointed at the copy built for this Node
 * (REGIODESK_SQLITE_PACKAGE, a folder holding better-sqlite3's package.json).
 * Every other module resolves as usual.
 */
import { register } from 'node:module';

register('./resolve-sqlite.mjs', import.meta.url, { data: { sqlitePackage: process.env.REGIODESK_SQLITE_PACKAGE } });
