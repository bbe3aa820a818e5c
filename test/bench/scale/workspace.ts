/**
 * Builds the scale workspace into a NEW SQLite file: the project's own
 * migrations, then every row in bulk SQL inside ONE transaction through
 * prepared better-sqlite3 statements on the real tables, so the schema's
 * constraints, foreign keys and triggers (the `search_index` full-text
 * triggers on organisations, people and calls) accept every row exactly as
 * they would the application's.
 *
 * Deterministic: a seeded generator and ids derived from indexes give the
 * same workspace on every run (deadlines are placed after `today`, which a
 * caller may fix too). `ANALYZE` is NOT run: a real deployment's database
 * starts without statistics, and the queries must be good without them.
 */
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { DateTime } from 'luxon';
import { hashPassword } from '../../../api/platform/auth/passwords.js';
import { migrateToLatest } from '../../../db/migrate.js';
import { registerSearchFold } from '../../../db/search-fold.js';
import { ANCHORS, OFFICER_PARTNERSHIPS, OFFICER_RECORDS_SHARE, PARTNERSHIPS, SCALE_PASSWORD, STAKEHOLDERS_PER_PARTNERSHIP, USERS } from './cast.js';
import { scaleId } from './ids.js';
import { fieldOf, organisationName, personFunction, personName, websiteOf } from './names.js';
import { seededRandom } from '../../support/random.js';
import { CALL_TITLES, INTERACTION_KINDS, KINDS, type Language, REGIONS, SUMMARIES } from './words.js';
import type { CooperationForm } from '../../../api/crm/schemas/partnerships.js';
import { type NetworkMemberships, jsonText } from '../../../db/json-columns.js';

/** every party is a member of ERRIN (Art. 2.4's network memberships) */
const PARTY_NETWORKS = jsonText<NetworkMemberships>([{ name: 'ERRIN', since: null }]);

export interface ScaleSize {
  organisations: number;
  interactions: number;
  calls: number;
}

export const SIZES = {
  small: { organisations: 10_000, interactions: 100_000, calls: 1_000 },
  large: { organisations: 100_000, interactions: 1_000_000, calls: 10_000 }
} satisfies Record<string, ScaleSize>;

export type SizeName = keyof typeof SIZES;

export interface BuildOptions {
  seed?: number;
  /** deadlines fall 2 weeks to 2 years after this day (`YYYY-MM-DD`); default today (UTC) */
  today?: string;
}

/** What the benchmark and the tests need to know about a built workspace. */
export interface ScaleWorkspace {
  file: string;
  size: ScaleSize;
  seconds: number;
  password: string;
  users: Record<string, { id: string; email: string }>;
  partnershipIds: string[];
  officerOrganisationId: string;
  /** how many organisations the officer sees, by the generator's own bookkeeping */
  officerVisibleOrganisations: number;
  /** organisations the officer may write to (stakeholders of the officer's first partnership, recorded by others), a few dozen */
  officerWritableSample: string[];
  /** organisations the officer does not see, a few */
  officerHiddenSample: string[];
  counts: Record<string, number>;
}

const DOMAIN_CODES = ['innovation', 'mobility', 'health', 'energy', 'digital', 'smart-region', 'sustainability', 'social-economy', 'agriculture', 'tourism', 'culture', 'regional-planning'];
const LAWFUL_BASES = [['legitimate_interest', 60], ['public_task', 25], ['consent', 15]] as const;
const INTERACTIONS_FROM = Date.UTC(2021, 0, 1);
const INTERACTIONS_SPAN = Date.UTC(2026, 0, 1) - INTERACTIONS_FROM;
const SAMPLE = 40;

/** The tables that get most rows. */
const BULK_TABLES = ['organisations', 'people', 'interactions', 'organisation_domains', 'partnership_stakeholders'];

/** Indexes created by a migration (not the ones SQLite makes for a primary key or UNIQUE), with the SQL that made them. */
function secondaryIndexesOf(sqlite: SQLite.Database, tables: string[]): { name: string; sql: string }[] {
  return sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')}) ORDER BY name`)
    .all(...tables) as { name: string; sql: string }[];
}

function slug(text: string): string {
  return text.normalize('NFD').replace(/[^A-Za-z]+/g, '').toLowerCase();
}

export async function buildScaleWorkspace(file: string, size: ScaleSize, options: BuildOptions = {}): Promise<ScaleWorkspace> {
  if (existsSync(file)) throw new Error(`${file} exists: the scale workspace is built into a new file only.`);
  const started = performance.now();
  const sqlite = new SQLite(file);
  // bulk load: no rollback journal on disk, no fsync; WAL (what the server uses) is switched on at the end
  sqlite.pragma('journal_mode = MEMORY');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('cache_size = -262144');
  // the name indexes hold each row's folded text (the function the product's connection registers too)
  registerSearchFold(sqlite);
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    await migrateToLatest(db);
    const passwordHash = await hashPassword(SCALE_PASSWORD);
    const programmes = sqlite
      .prepare('SELECT id, code, cut_off_time, cut_off_zone FROM programmes WHERE historic = 0 ORDER BY code')
      .all() as { id: string; code: string; cut_off_time: string; cut_off_zone: string }[];
    const today = options.today ?? new Date().toISOString().slice(0, 10);
    const result = sqlite.transaction(() => {
      // the bulk tables' secondary indexes are built once at the end (a sort) instead of row by row, from their own migrated SQL
      const indexes = secondaryIndexesOf(sqlite, BULK_TABLES);
      for (const { name } of indexes) sqlite.exec(`DROP INDEX "${name}"`);
      const generated = generate(sqlite, size, options.seed ?? 9, passwordHash, programmes, today);
      for (const { sql } of indexes) sqlite.exec(sql);
      return generated;
    })();
    sqlite.pragma('journal_mode = WAL');
    return { file, size, seconds: (performance.now() - started) / 1000, password: SCALE_PASSWORD, ...result };
  } finally {
    await db.destroy();
  }
}

function generate(
  sqlite: SQLite.Database,
  size: ScaleSize,
  seed: number,
  passwordHash: string,
  programmes: { id: string; code: string; cut_off_time: string; cut_off_zone: string }[],
  today: string
): Omit<ScaleWorkspace, 'file' | 'size' | 'seconds' | 'password'> {
  const random = seededRandom(seed);
  const insert = {
    region: sqlite.prepare('INSERT INTO regions (id, name, country, nuts_codes, languages) VALUES (?, ?, ?, ?, ?)'),
    partnership: sqlite.prepare('INSERT INTO partnerships (id, title, signed_on, starts_on, ends_on, notice_months, forms) VALUES (?, ?, ?, ?, ?, 6, ?)'),
    partnershipDomain: sqlite.prepare('INSERT INTO partnership_domains (partnership_id, domain_id) VALUES (?, ?)'),
    party: sqlite.prepare('INSERT INTO partnership_parties (id, partnership_id, position, region_id, organisation_id, contact_person_id, networks) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    organisation: sqlite.prepare(
      'INSERT INTO organisations (id, name, short_name, kind, region_id, country, nuts_code, website, recorded_by_organisation_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
    ),
    organisationDomain: sqlite.prepare('INSERT INTO organisation_domains (organisation_id, domain_id, maturity) VALUES (?, ?, ?)'),
    stakeholder: sqlite.prepare('INSERT INTO partnership_stakeholders (partnership_id, organisation_id) VALUES (?, ?)'),
    person: sqlite.prepare(
      'INSERT INTO people (id, organisation_id, name, function, emails, phones, languages, lawful_basis, consent_date, consent_source, recorded_by_organisation_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
    ),
    user: sqlite.prepare('INSERT INTO users (id, email, name, password_hash, organisation_id, is_admin, locale) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    membership: sqlite.prepare('INSERT INTO memberships (user_id, partnership_id, role) VALUES (?, ?, ?)'),
    interaction: sqlite.prepare(
      'INSERT INTO interactions (id, kind, occurred_at, author_id, summary, organisation_id, person_id, partnership_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
    ),
    call: sqlite.prepare('INSERT INTO calls (id, identifier, title, programme_id, action_type, deadline_model, keywords, source, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    deadline: sqlite.prepare('INSERT INTO call_deadlines (id, call_id, position, label, deadline_at, time_zone) VALUES (?, ?, 0, NULL, ?, ?)'),
    callDomain: sqlite.prepare('INSERT INTO call_domains (call_id, domain_id) VALUES (?, ?)'),
    watch: sqlite.prepare('INSERT INTO call_watches (user_id, call_id) VALUES (?, ?)')
  };
  const counts: Record<string, number> = {};
  const count = (table: string, n = 1) => (counts[table] = (counts[table] ?? 0) + n);

  // regions
  const regionIds = REGIONS.map((r, i) => {
    const id = scaleId('region', i);
    insert.region.run(id, r.name, r.country, JSON.stringify([r.nuts]), JSON.stringify([r.language]));
    count('regions');
    return id;
  });
  const regionChoices = REGIONS.map((r, i) => [i, r.weight] as const);

  // partnerships (their parties follow once the organisations exist)
  const partnershipIds = PARTNERSHIPS.map((p, i) => {
    const id = scaleId('partnership', i);
    insert.partnership.run(id, p.title, p.startsOn, p.startsOn, p.endsOn, jsonText<CooperationForm[]>(['knowhow_exchange', 'conferences']));
    for (const code of p.domains) insert.partnershipDomain.run(id, `domain-${code}`);
    count('partnerships');
    return id;
  });

  // organisations with their domains, stakeholderships and people
  const anchorIds = ANCHORS.map((_, i) => scaleId('organisation', i));
  const firstPerson = new Int32Array(size.organisations + 1);
  const stakes: number[][] = new Array(size.organisations);
  const officerWritableSample: string[] = [];
  const officerHiddenSample: string[] = [];
  const names = new Map<string, number>();
  // about STAKEHOLDERS_PER_PARTNERSHIP each (5 % in a tiny workspace), never more
  const stakeholders = Math.min(STAKEHOLDERS_PER_PARTNERSHIP, Math.ceil(size.organisations / 20));
  const stakeholderChance = Math.min(1, stakeholders / (size.organisations - ANCHORS.length));
  const stakeholderCounts = PARTNERSHIPS.map(() => 0);
  let officerVisible = 0;
  let personIndex = 0;
  for (let i = 0; i < size.organisations; i++) {
    const id = scaleId('organisation', i);
    const anchor = ANCHORS[i];
    const regionIndex = anchor ? anchor.region : random.weighted(regionChoices);
    const region = REGIONS[regionIndex]!;
    const language: Language = anchor ? anchor.language : region.language;
    const kind = anchor ? anchor.kind : random.weighted(KINDS);
    const { name, shortName } = anchor ? anchor : organisationName(random, kind, language, region.places, names);
    if (anchor) names.set(name, 1);
    const recorder = anchor ? null : random.chance(OFFICER_RECORDS_SHARE) ? 0 : 1 + random.below(ANCHORS.length - 1);
    const createdAt = new Date(INTERACTIONS_FROM + random.below(INTERACTIONS_SPAN)).toISOString();
    insert.organisation.run(
      id,
      name,
      shortName,
      kind,
      regionIds[regionIndex],
      region.country,
      region.nuts,
      random.chance(0.6) ? websiteOf(name, region.country) : null,
      recorder === null ? null : anchorIds[recorder],
      createdAt,
      createdAt
    );
    count('organisations');
    const domainCount = 1 + random.below(3);
    const first = random.below(DOMAIN_CODES.length);
    for (let d = 0; d < domainCount; d++) insert.organisationDomain.run(id, `domain-${DOMAIN_CODES[(first + d * 5) % DOMAIN_CODES.length]}`, 1 + random.below(5));
    count('organisation_domains', domainCount);

    const mine: number[] = [];
    if (!anchor) {
      PARTNERSHIPS.forEach((_, pi) => {
        if (random.chance(stakeholderChance) && stakeholderCounts[pi]! < stakeholders) {
          stakeholderCounts[pi]!++;
          insert.stakeholder.run(partnershipIds[pi], id);
          mine.push(pi);
        }
      });
      count('partnership_stakeholders', mine.length);
    }
    stakes[i] = mine;
    const visible =
      recorder === 0 || mine.some((p) => OFFICER_PARTNERSHIPS.includes(p)) || PARTNERSHIPS.some((p, pi) => OFFICER_PARTNERSHIPS.includes(pi) && p.parties.includes(i));
    if (visible) officerVisible++;
    if (mine.includes(OFFICER_PARTNERSHIPS[0]!) && recorder !== 0 && officerWritableSample.length < SAMPLE) officerWritableSample.push(id);
    if (!visible && officerHiddenSample.length < SAMPLE) officerHiddenSample.push(id);

    firstPerson[i] = personIndex;
    const people = anchor ? 2 : 1 + (random.chance(0.5) ? 1 : 0);
    const host = slug(name).slice(0, 24) || 'org';
    for (let k = 0; k < people; k++) {
      const personName_ = personName(random, language);
      const [given, ...rest] = personName_.split(' ');
      const basis = random.weighted(LAWFUL_BASES);
      const consent = basis === 'consent';
      insert.person.run(
        scaleId('person', personIndex),
        id,
        personName_,
        personFunction(random, language),
        JSON.stringify([`${slug(given!)}.${slug(rest.join(''))}@${host}.${region.country.toLowerCase()}`]),
        '[]',
        JSON.stringify([language]),
        basis,
        consent ? createdAt.slice(0, 10) : null,
        consent ? 'Registration form' : null,
        recorder === null ? anchorIds[i] : anchorIds[recorder],
        createdAt,
        createdAt
      );
      personIndex++;
    }
    count('people', people);
  }
  firstPerson[size.organisations] = personIndex;

  PARTNERSHIPS.forEach((p, pi) => {
    p.parties.forEach((organisation, position) => {
      insert.party.run(scaleId('party', pi * 10 + position), partnershipIds[pi], position, regionIds[ANCHORS[organisation]!.region], anchorIds[organisation], scaleId('person', firstPerson[organisation]!), PARTY_NETWORKS);
      count('partnership_parties');
    });
  });

  // users (one password hash for all) and their memberships
  const users: Record<string, { id: string; email: string }> = {};
  USERS.forEach((u, i) => {
    const id = scaleId('user', i);
    insert.user.run(id, u.email, u.name, passwordHash, anchorIds[u.organisation], u.isAdmin ? 1 : 0, 'en');
    for (const [partnership, role] of u.memberships) insert.membership.run(id, partnershipIds[partnership], role);
    count('users');
    count('memberships', u.memberships.length);
    users[u.key] = { id, email: u.email };
  });
  const authors = USERS.map((u, i) => [scaleId('user', i), u.authorWeight] as const);

  // interactions, spread over organisations, their people and five years
  for (let n = 0; n < size.interactions; n++) {
    const organisation = random.below(size.organisations);
    const people = firstPerson[organisation + 1]! - firstPerson[organisation]!;
    const person = random.chance(0.6) ? scaleId('person', firstPerson[organisation]! + random.below(people)) : null;
    const mine = stakes[organisation]!;
    const partnership = mine.length > 0 && random.chance(0.2) ? partnershipIds[mine[random.below(mine.length)]!] : null;
    const occurredAt = new Date(INTERACTIONS_FROM + random.below(INTERACTIONS_SPAN)).toISOString();
    const region = REGIONS[random.below(REGIONS.length)]!;
    const summary = random
      .pick(SUMMARIES)
      .replace('{field}', () => fieldOf(random, 'en').toLowerCase())
      .replace('{place}', () => random.weighted(region.places));
    insert.interaction.run(scaleId('interaction', n), random.weighted(INTERACTION_KINDS), occurredAt, random.weighted(authors), summary, scaleId('organisation', organisation), person, partnership, occurredAt, occurredAt);
  }
  count('interactions', size.interactions);

  // calls with a deadline each, 2 weeks to 2 years ahead, at their programme's cut-off in its zone
  const first = DateTime.fromISO(today, { zone: 'utc' }).plus({ days: 14 });
  const watchers = USERS.map((u, i) => (u.watchesAllCalls ? scaleId('user', i) : null)).filter((id): id is string => id !== null);
  for (let c = 0; c < size.calls; c++) {
    const id = scaleId('call', c);
    const programme = programmes[random.below(programmes.length)]!;
    const day = first.plus({ days: random.below(730) }).toISODate();
    const deadlineAt = DateTime.fromISO(`${day}T${programme.cut_off_time}`, { zone: programme.cut_off_zone }).toUTC().toISO({ suppressMilliseconds: true });
    const title = random.pick(CALL_TITLES).replace('{field}', () => fieldOf(random, 'en').toLowerCase());
    insert.call.run(id, `${programme.code}-${day!.slice(0, 4)}-${String(c).padStart(5, '0')}`, title, programme.id, random.pick(['RIA', 'CSA', 'IA', 'Project']), 'single_stage', '[]', 'manual', users.officer!.id);
    insert.deadline.run(scaleId('deadline', c), id, deadlineAt, programme.cut_off_zone);
    insert.callDomain.run(id, `domain-${DOMAIN_CODES[random.below(DOMAIN_CODES.length)]}`);
    for (const watcher of watchers) insert.watch.run(watcher, id);
  }
  count('calls', size.calls);
  count('call_deadlines', size.calls);
  count('call_watches', size.calls * watchers.length);

  return {
    users,
    partnershipIds,
    officerOrganisationId: anchorIds[0]!,
    officerVisibleOrganisations: officerVisible,
    officerWritableSample,
    officerHiddenSample,
    counts
  };
}
