/**
 * Converts the web's i18next catalogues (web/lib/i18n/messages/<feature>.json,
 * see old-catalogues.ts) into the inlang message format that Paraglide
 * compiles: i18n/catalogue/<feature>/<locale>.json, one flat key per message.
 *
 * Re-runnable: run it again whenever the old files change (the translators'
 * nl blocks arrive in them): `npx tsx scripts/i18n/convert-catalogues.ts`.
 * It rewrites the catalogue of every feature that has an old file, and the
 * project's list of catalogue files (i18n/project.inlang/settings.json); it
 * stops with a sentence when two old keys would become one new key or a text
 * uses an i18next feature it cannot carry over. A locale an old file has no
 * block for gets no file (the messages fall back to English, and
 * test/unit/i18n/catalogue.test.ts names every text missing).
 *
 * Placeholders keep their names (`{{name}}` → `{name}`); braces and
 * backslashes in the text are escaped. Plurals: i18next's `key_one`/`key_other`
 * (and `key_zero`, which i18next uses for a count of 0 in every language)
 * become one message that selects on the plural category of `count`
 * (Intl.PluralRules of the locale), a count of exactly 0 first where there
 * was a `_zero`.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyPath, leaves, type Nested, newKey, oldFeatures, pluralPaths, readOld, root } from './old-catalogues.js';

const CATALOGUE = join(root, 'i18n/catalogue');
const SETTINGS = join(root, 'i18n/project.inlang/settings.json');
const LOCALES = ['en', 'de', 'nl'] as const;
const CATEGORIES = ['one', 'two', 'few', 'many', 'other'];

type Variants = { declarations: string[]; selectors: string[]; match: Record<string, string> };
type Message = string | [Variants];

/**
 * Keys no screen used when the web moved onto the catalogue (i18next looked
 * keys up at run time and never told): not carried over, so the catalogue
 * holds only words in use (test/unit/i18n/catalogue.test.ts keeps it so).
 */
const RETIRED = new Set([
  'account.wrongCredentials', 'account.tooMany', 'activities.calendar.title', 'activities.calendar.grid', 'audit.change', 'audit.when', 'audit.who',
  'common.saved', 'common.confirmDelete', 'common.add', 'common.required', 'common.optional', 'common.filter', 'common.back',
  'costs.budgets.allYears', 'costs.budgets.used', 'costs.budgets.shown', 'evaluations.titleShort', 'evaluations.sections.history',
  'evaluations.assessments.commentOf', 'evaluations.assessments.ratingOf', 'evaluations.assessments.history', 'evaluations.live.reloaded',
  'feedback.participant', 'interactions.loaded', 'interactions.activity', 'matchmaking.refresh', 'matchmaking.takingOf', 'organisations.maturityFor',
  'organisations.deleted', 'overview.nextSteps', 'partnerships.glance.noticeSoon', 'partnerships.glance.renewalSoon', 'people.organisationHint',
  'people.organisationChosen', 'people.organisationNotChosen', 'people.organisationsFound', 'people.consentGiven', 'privacy.consent.state',
  'privacy.retention.select', 'proposals.consortium.terms', 'reports.printedOn', 'reports.chartOf', 'search.searching', 'tasks.rate.table',
  'tasks.rate.partnership', 'tasks.followUps.rule', 'workplans.crumb', 'workplans.started', 'workplans.amend.done'
]);

const escape = (text: string) => text.replace(/[\\{}]/g, (c) => `\\${c}`);

/** An i18next text as an inlang pattern: `{{x}}` → `{x}`, literal braces and backslashes escaped. */
function pattern(text: string, where: string): { text: string; inputs: string[] } {
  const placeholder = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
  if (/\{\{|\$t\(/.test(text.replace(placeholder, ''))) throw new Error(`${where}: "${text}" uses an i18next feature the converter does not carry over (formatting or nesting)`);
  const inputs: string[] = [];
  let out = '';
  let last = 0;
  for (const m of text.matchAll(placeholder)) {
    out += `${escape(text.slice(last, m.index))}{${m[1]}}`;
    if (!inputs.includes(m[1]!)) inputs.push(m[1]!);
    last = m.index! + m[0].length;
  }
  return { text: out + escape(text.slice(last)), inputs };
}

function pluralMessage(forms: Record<string, string>, where: string): Message {
  if (!forms.other) throw new Error(`${where}: a plural without its _other form`);
  const patterns = Object.fromEntries(Object.entries(forms).map(([form, text]) => [form, pattern(text, `${where}_${form}`)]));
  const inputs = [...new Set(['count', ...Object.values(patterns).flatMap((p) => p.inputs)])];
  const declarations = [...inputs.map((name) => `input ${name}`), 'local countPlural = count: plural'];
  const categories = CATEGORIES.filter((c) => patterns[c]);
  if (patterns.zero) {
    // i18next's _zero: a count of exactly 0, whatever the language's plural rules say
    const match: Record<string, string> = { 'count=0, countPlural=*': patterns.zero.text };
    for (const c of categories) match[`count=*, countPlural=${c}`] = patterns[c]!.text;
    return [{ declarations, selectors: ['count', 'countPlural'], match }];
  }
  return [{ declarations, selectors: ['countPlural'], match: Object.fromEntries(categories.map((c) => [`countPlural=${c}`, patterns[c]!.text])) }];
}

/** One locale of a feature: new key → message, in the old file's order. */
function convert(feature: string, tree: Nested, plurals: Set<string>): Map<string, Message> {
  const texts = new Map<string, { old: string; text?: string; forms: Record<string, string> }>();
  for (const [leaf, text] of leaves(tree)) {
    const { path, form } = keyPath(leaf, plurals);
    const key = newKey(feature, path);
    const old = `${feature}.${path.join('.')}`;
    if (RETIRED.has(old)) continue;
    let entry = texts.get(key);
    if (entry && (entry.old !== old || !form)) throw new Error(`${old} and ${entry.old} would both become ${key}`);
    if (!entry) texts.set(key, (entry = { old, forms: {} }));
    if (form) entry.forms[form] = text;
    else entry.text = text;
  }
  return new Map([...texts].map(([key, entry]) => [key, entry.text !== undefined ? pattern(entry.text, entry.old).text : pluralMessage(entry.forms, entry.old)]));
}

const features = oldFeatures();
const english = new Set(features.flatMap((feature) => leaves(readOld(feature).en!).map(([leaf]) => `${feature}.${keyPath(leaf, pluralPaths(readOld(feature).en!)).path.join('.')}`)));
for (const old of RETIRED) if (!english.has(old)) throw new Error(`${old} is retired but not in the old catalogue: take it off RETIRED`);
const owner = new Map<string, string>();
const sizes: Record<string, number> = Object.fromEntries(LOCALES.map((l) => [l, 0]));
for (const feature of features) {
  const old = readOld(feature);
  for (const locale of Object.keys(old)) if (!(LOCALES as readonly string[]).includes(locale)) throw new Error(`${feature}.json: "${locale}" is not one of ${LOCALES.join(', ')}`);
  if (!old.en) throw new Error(`${feature}.json has no "en" block`);
  const plurals = pluralPaths(old.en);
  const dir = join(CATALOGUE, feature);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const locale of LOCALES) {
    if (!old[locale]) continue;
    const messages = convert(feature, old[locale], plurals);
    if (locale === 'en') {
      for (const key of messages.keys()) {
        if (owner.has(key)) throw new Error(`${feature} and ${owner.get(key)} both have ${key}`);
        owner.set(key, feature);
      }
    }
    sizes[locale]! += messages.size;
    const file = { $schema: 'https://inlang.com/schema/inlang-message-format', ...Object.fromEntries(messages) };
    writeFileSync(join(dir, `${locale}.json`), `${JSON.stringify(file, null, 2)}\n`);
  }
}

// the project lists every feature folder (one whose old file is gone keeps its catalogue: it is the catalogue's own now)
const folders = readdirSync(CATALOGUE, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
const settings = JSON.parse(readFileSync(SETTINGS, 'utf8'));
settings['plugin.inlang.messageFormat'] = { ...settings['plugin.inlang.messageFormat'], pathPattern: folders.map((f) => `./catalogue/${f}/{locale}.json`) };
writeFileSync(SETTINGS, `${JSON.stringify(settings, null, 2)}\n`);

console.log(`${features.length} catalogues converted; messages per locale: ${LOCALES.map((l) => `${l} ${sizes[l]}`).join(', ')}`);
