/**
 * Settings read from the environment once at start-up (README lists each):
 * one zod schema reads every variable, so a bad value stops the start with
 * a sentence naming the variable instead of falling back in silence.
 */
import { availableParallelism } from 'node:os';
import { z } from 'zod';

/** More processes than this on one machine only compete for its SQLite file and memory. */
const MAX_PROCESSES = 32;

export interface Settings {
  /** minutes of inactivity after which a session ends */
  sessionIdleMinutes: number;
  /** days after which a session ends whatever happens */
  sessionMaxDays: number;
  /** failed sign-ins per account within the window before 429 */
  maxFailuresPerAccount: number;
  /** failed sign-ins per client address within the window before 429 */
  maxFailuresPerAddress: number;
  /** reverse proxies (addresses and CIDR blocks) whose `X-Forwarded-For` names the client (http/client-address.ts); empty: the peer is the client */
  trustedProxies: string[];
  throttleWindowMinutes: number;
  /** the origin browsers use, e.g. https://regiodesk.example.org; when unset, the Host header decides */
  publicOrigin: string | null;
  /** set the cookie's Secure flag (on by default when publicOrigin is https) */
  secureCookies: boolean;
  /** largest JSON body accepted */
  maxBodyBytes: number;
  /** largest portal file POST /api/calls/import accepts (streamed, never held in memory whole) */
  maxImportBytes: number;
  invitationDays: number;
  /** requests to the public feedback links per client address within the window before 429 */
  feedbackMaxPerAddress: number;
  feedbackWindowMinutes: number;
  /** where reminder and notification emails go out; null: no emails (in-app notifications still appear) */
  smtp: SmtpSettings | null;
  /** the From of every email */
  mailFrom: string;
  /** minutes between two reminder runs of the server process (a fraction when REGIODESK_REMINDER_INTERVAL_SECONDS is set); 0: no periodic run */
  reminderIntervalMinutes: number;
  /** months without interaction or participation after which a person comes up for retention review */
  retentionMonths: number;
  /** scheduled backups while the server runs; null: none (`npm run backup` still works) */
  backup: BackupSettings | null;
  /** SQLite's `synchronous`: `full` also survives a power loss right after a commit, `normal` (the default) a crash of the process */
  sqliteSynchronous: 'full' | 'normal';
  /** single sign-on through an OpenID provider; null: none */
  oidc: OidcSettings | null;
  /** whether the e-mail and password form signs in (off: single sign-on only) */
  passwordSignIn: boolean;
  /** how many server processes `npm start` runs on this machine (one per core with `auto`); 1: the process serves itself */
  processes: number;
  /** the day a new demo workspace is dated for (`YYYY-MM-DD`); null: the day it is seeded */
  demoDate: string | null;
}

export interface OidcSettings {
  /** the provider's issuer URL; its discovery document is read from `<issuer>/.well-known/openid-configuration` */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** the provider's name on the sign-in page's "Sign in with …" button */
  label: string;
  /** the claim holding the e-mail address an account is matched by */
  emailClaim: string;
  /** e-mail domains whose people get an account (with no role) at their first sign-in; empty: nobody does */
  jitDomains: string[];
}

export interface BackupSettings {
  /** the folder the time-named backup files go to (created when missing) */
  dir: string;
  intervalHours: number;
  /** how many backups to keep; older ones are removed */
  keep: number;
}

export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS is used when the server offers it */
  secure: boolean;
  user: string | null;
  password: string | null;
}

function hostOf(origin: string | null): string | null {
  try {
    return origin ? new URL(origin).hostname : null;
  } catch {
    return null;
  }
}

/** A variable's text, trimmed; unset or blank is undefined (the default applies). */
const text = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

/** A refusal of one variable's value, worded as the end of a sentence that starts with its name. */
function refuse(ctx: z.RefinementCtx, what: string, value: string): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message: `must be ${what}, not "${value}".` });
  return z.NEVER;
}

/** A whole number from `min` to `max`, `fallback` when unset. */
function wholeNumber(fallback: number, what: string, min = 1, max = Number.MAX_SAFE_INTEGER) {
  return text.transform((value, ctx) => {
    if (value === undefined) return fallback;
    const n = Number(value);
    return Number.isInteger(n) && n >= min && n <= max ? n : refuse(ctx, what, value);
  });
}

const TRUE = ['1', 'true', 'yes', 'on'];
const FALSE = ['0', 'false', 'no', 'off'];

/** 1/0, true/false, yes/no, on/off (any case); undefined when unset. */
const yesNo = text.transform((value, ctx) => {
  if (value === undefined) return undefined;
  if (TRUE.includes(value.toLowerCase())) return true;
  if (FALSE.includes(value.toLowerCase())) return false;
  return refuse(ctx, 'one of 1/0, true/false, yes/no, on/off', value);
});

/** The SMTP server as a URL (`smtp://user:password@host:587`, `smtps://…:465`; user and password URL-encoded). */
const smtpUrl = text.transform((value, ctx) => {
  if (value === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'is not a URL; write it like smtp://user:password@mail.example.org:587' });
    return z.NEVER;
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    ctx.addIssue({ code: 'custom', message: 'must start with smtp:// or smtps://' });
    return z.NEVER;
  }
  const secure = parsed.protocol === 'smtps:';
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    secure,
    user: parsed.username ? decodeURIComponent(parsed.username) : null,
    password: parsed.password ? decodeURIComponent(parsed.password) : null
  } satisfies SmtpSettings;
});

/** The provider's issuer: https, or http on this machine (a provider started for tests or development). */
const issuerUrl = text.transform((value, ctx) => {
  if (value === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return refuse(ctx, 'the OpenID provider\'s issuer URL, such as https://login.example.org/realms/regio', value);
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && local)) return refuse(ctx, 'an https URL (http only for localhost)', value);
  return value.replace(/\/$/, '');
});

/** A calendar date written YYYY-MM-DD (a day that exists: no 30 February). */
const calendarDate = text.transform((value, ctx) => {
  if (value === undefined) return null;
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  const exists = /^\d{4}-\d{2}-\d{2}$/.test(value) && date.getUTCFullYear() === year && date.getUTCMonth() === month! - 1 && date.getUTCDate() === day;
  return exists ? value : refuse(ctx, 'a calendar date written YYYY-MM-DD, such as 2027-06-15', value);
});

/** E-mail domains separated by commas or spaces (example.org, vlaams-brabant.be). */
const domainList = text.transform((value, ctx) => {
  const domains = (value ?? '').split(/[\s,]+/).filter(Boolean).map((d) => d.toLowerCase().replace(/^@/, ''));
  const bad = domains.find((d) => !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d));
  return bad ? refuse(ctx, 'e-mail domains separated by commas, such as rhein-neckar.de, vlaams-brabant.be', bad) : domains;
});

const proxyEntry = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()]);

/** Addresses and CIDR blocks separated by commas or spaces (10.0.0.5, 10.20.0.0/16, fd00::/8). */
const addressList = text.transform((value, ctx) => {
  const entries = (value ?? '').split(/[\s,]+/).filter(Boolean);
  const bad = entries.find((entry) => !proxyEntry.safeParse(entry).success);
  return bad ? refuse(ctx, 'IP addresses or CIDR blocks separated by commas, such as 10.0.0.5, 10.20.0.0/16, ::1', bad) : entries.map((entry) => entry.toLowerCase());
});

/** A claim's name in the ID token or the user info (email, upn, preferred_username …). */
const claimName = text.transform((value, ctx) => {
  if (value === undefined) return 'email';
  return /^[\w.:-]+$/.test(value) ? value : refuse(ctx, 'the name of a claim, such as email or upn', value);
});

/**
 * Every variable RegioDesk reads, in one schema: each unset one takes its
 * default, each set one is checked, and a bad one stops the start with a
 * sentence naming it.
 */
const Environment = z.object({
  REGIODESK_SESSION_IDLE_MINUTES: wholeNumber(120, 'a whole number of minutes, 1 or more'),
  REGIODESK_SESSION_MAX_DAYS: wholeNumber(30, 'a whole number of days, 1 or more'),
  REGIODESK_SIGNIN_MAX_PER_ACCOUNT: wholeNumber(5, 'a whole number of sign-ins, 1 or more'),
  REGIODESK_SIGNIN_MAX_PER_ADDRESS: wholeNumber(20, 'a whole number of sign-ins, 1 or more'),
  REGIODESK_SIGNIN_WINDOW_MINUTES: wholeNumber(15, 'a whole number of minutes, 1 or more'),
  REGIODESK_TRUSTED_PROXIES: addressList,
  REGIODESK_PUBLIC_ORIGIN: text.transform((value, ctx) => {
    if (value === undefined) return null;
    const origin = value.replace(/\/$/, '');
    return /^https?:\/\/[^/\s]+$/.test(origin) ? origin : refuse(ctx, 'an origin such as https://regiodesk.example.org (no path)', value);
  }),
  REGIODESK_SECURE_COOKIES: yesNo,
  REGIODESK_MAX_BODY_BYTES: wholeNumber(1024 * 1024, 'a whole number of bytes, 1 or more'),
  REGIODESK_MAX_IMPORT_BYTES: wholeNumber(200 * 1024 * 1024, 'a whole number of bytes, 1 or more'),
  REGIODESK_INVITATION_DAYS: wholeNumber(14, 'a whole number of days, 1 or more'),
  REGIODESK_FEEDBACK_MAX_PER_ADDRESS: wholeNumber(30, 'a whole number of requests, 1 or more'),
  REGIODESK_FEEDBACK_WINDOW_MINUTES: wholeNumber(10, 'a whole number of minutes, 1 or more'),
  REGIODESK_SMTP_URL: smtpUrl,
  REGIODESK_SMTP_HOST: text,
  REGIODESK_SMTP_PORT: text.transform((value, ctx) => {
    if (value === undefined) return undefined;
    const n = Number(value);
    return Number.isInteger(n) && n >= 1 && n <= 65535 ? n : refuse(ctx, 'a port number from 1 to 65535', value);
  }),
  REGIODESK_SMTP_SECURE: yesNo,
  REGIODESK_SMTP_USER: text,
  // a password is taken as it is: spaces may belong to it
  REGIODESK_SMTP_PASSWORD: z.string().optional(),
  REGIODESK_MAIL_FROM: text,
  REGIODESK_REMINDER_INTERVAL_MINUTES: wholeNumber(15, 'a whole number of minutes (0 turns the periodic run off)', 0),
  // for tests of several processes: seconds instead of minutes (0 when unset)
  REGIODESK_REMINDER_INTERVAL_SECONDS: wholeNumber(0, 'a whole number of seconds from 1 to 3600 (for tests; leave it unset in use)', 1, 3600),
  REGIODESK_PROCESSES: text.transform((value, ctx) => {
    if (value === undefined) return 1;
    if (value.toLowerCase() === 'auto') return Math.min(availableParallelism(), MAX_PROCESSES);
    const n = Number(value);
    return Number.isInteger(n) && n >= 1 && n <= MAX_PROCESSES ? n : refuse(ctx, `auto or a whole number of processes from 1 to ${MAX_PROCESSES}`, value);
  }),
  REGIODESK_BACKUP_DIR: text,
  REGIODESK_BACKUP_INTERVAL_HOURS: text.transform((value, ctx) => {
    if (value === undefined) return 24;
    const n = Number(value);
    return Number.isFinite(n) && n > 0 ? n : refuse(ctx, 'a positive number of hours (e.g. 24 or 0.5)', value);
  }),
  REGIODESK_BACKUP_KEEP: wholeNumber(7, 'a whole number of backups, 1 or more'),
  REGIODESK_SQLITE_SYNCHRONOUS: text.transform((value, ctx) => {
    const mode = value?.toLowerCase() ?? 'normal';
    return mode === 'full' || mode === 'normal' ? mode : refuse(ctx, 'full or normal', value!);
  }),
  REGIODESK_RETENTION_MONTHS: wholeNumber(36, 'a whole number of months from 1 to 1200 (e.g. 36)', 1, 1200),
  REGIODESK_OIDC_ISSUER: issuerUrl,
  REGIODESK_OIDC_CLIENT_ID: text,
  // a secret is taken as it is
  REGIODESK_OIDC_CLIENT_SECRET: z.string().optional().transform((value) => value || undefined),
  REGIODESK_OIDC_LABEL: text,
  REGIODESK_OIDC_EMAIL_CLAIM: claimName,
  REGIODESK_OIDC_JIT_DOMAINS: domainList,
  REGIODESK_PASSWORD_SIGN_IN: yesNo,
  REGIODESK_DEMO_DATE: calendarDate
}).superRefine((e, ctx) => {
  // single sign-on needs all three of issuer, client id and secret; the rest of its settings mean nothing without them
  const oidc = ['REGIODESK_OIDC_ISSUER', 'REGIODESK_OIDC_CLIENT_ID', 'REGIODESK_OIDC_CLIENT_SECRET'] as const;
  const given = oidc.filter((name) => e[name] !== undefined);
  if (given.length > 0) {
    for (const name of oidc.filter((n) => e[n] === undefined)) ctx.addIssue({ code: 'custom', path: [name], message: `must be set too: single sign-on needs ${oidc.join(', ')}.` });
  } else {
    for (const name of ['REGIODESK_OIDC_LABEL', 'REGIODESK_OIDC_JIT_DOMAINS'] as const) {
      const set = name === 'REGIODESK_OIDC_JIT_DOMAINS' ? e[name].length > 0 : e[name] !== undefined;
      if (set) ctx.addIssue({ code: 'custom', path: [name], message: 'is set, but single sign-on is not: set REGIODESK_OIDC_ISSUER, REGIODESK_OIDC_CLIENT_ID and REGIODESK_OIDC_CLIENT_SECRET too.' });
    }
    if (e.REGIODESK_PASSWORD_SIGN_IN === false) {
      ctx.addIssue({ code: 'custom', path: ['REGIODESK_PASSWORD_SIGN_IN'], message: 'can be off only with single sign-on (REGIODESK_OIDC_ISSUER and its client): otherwise nobody could sign in.' });
    }
  }
});

type Environment = z.infer<typeof Environment>;

/** The environment read through the schema; a bad variable throws one sentence per variable, each naming it. */
function environmentFrom(env: NodeJS.ProcessEnv): Environment {
  const read = Environment.safeParse(env);
  if (read.success) return read.data;
  throw new Error(read.error.issues.map((issue) => `${String(issue.path[0])} ${issue.message}`).join(' '));
}

function smtpOf(e: Environment): SmtpSettings | null {
  if (e.REGIODESK_SMTP_URL) return e.REGIODESK_SMTP_URL;
  if (!e.REGIODESK_SMTP_HOST) return null;
  const secure = e.REGIODESK_SMTP_SECURE ?? e.REGIODESK_SMTP_PORT === 465;
  return {
    host: e.REGIODESK_SMTP_HOST,
    port: e.REGIODESK_SMTP_PORT ?? (secure ? 465 : 587),
    secure,
    user: e.REGIODESK_SMTP_USER ?? null,
    password: e.REGIODESK_SMTP_PASSWORD || null
  };
}

/**
 * SMTP from `REGIODESK_SMTP_URL` (`smtp://user:password@host:587`,
 * `smtps://…:465`; user and password URL-encoded) or from
 * `REGIODESK_SMTP_HOST` with `_PORT`, `_SECURE`, `_USER`, `_PASSWORD`.
 * Neither set: null.
 */
export function smtpFrom(env: NodeJS.ProcessEnv): SmtpSettings | null {
  return smtpOf(environmentFrom(env));
}

function backupOf(e: Environment): BackupSettings | null {
  return e.REGIODESK_BACKUP_DIR ? { dir: e.REGIODESK_BACKUP_DIR, intervalHours: e.REGIODESK_BACKUP_INTERVAL_HOURS, keep: e.REGIODESK_BACKUP_KEEP } : null;
}

/** `REGIODESK_BACKUP_DIR` with `_INTERVAL_HOURS` (default 24) and `_KEEP` (default 7); a value that is not a positive number is refused with why. */
export function backupFrom(env: NodeJS.ProcessEnv): BackupSettings | null {
  return backupOf(environmentFrom(env));
}

export function sqliteSynchronousFrom(env: NodeJS.ProcessEnv): 'full' | 'normal' {
  return environmentFrom(env).REGIODESK_SQLITE_SYNCHRONOUS;
}

/** REGIODESK_RETENTION_MONTHS: a whole number of months from 1 to 1200 (default 36); anything else stops the start with why. */
export function retentionMonthsFrom(value: string | undefined): number {
  return environmentFrom({ REGIODESK_RETENTION_MONTHS: value }).REGIODESK_RETENTION_MONTHS;
}

export function settingsFrom(env: NodeJS.ProcessEnv = process.env): Settings {
  const e = environmentFrom(env);
  const publicOrigin = e.REGIODESK_PUBLIC_ORIGIN;
  return {
    sessionIdleMinutes: e.REGIODESK_SESSION_IDLE_MINUTES,
    sessionMaxDays: e.REGIODESK_SESSION_MAX_DAYS,
    maxFailuresPerAccount: e.REGIODESK_SIGNIN_MAX_PER_ACCOUNT,
    maxFailuresPerAddress: e.REGIODESK_SIGNIN_MAX_PER_ADDRESS,
    trustedProxies: e.REGIODESK_TRUSTED_PROXIES,
    throttleWindowMinutes: e.REGIODESK_SIGNIN_WINDOW_MINUTES,
    publicOrigin,
    secureCookies: e.REGIODESK_SECURE_COOKIES ?? publicOrigin?.startsWith('https:') ?? false,
    maxBodyBytes: e.REGIODESK_MAX_BODY_BYTES,
    maxImportBytes: e.REGIODESK_MAX_IMPORT_BYTES,
    invitationDays: e.REGIODESK_INVITATION_DAYS,
    feedbackMaxPerAddress: e.REGIODESK_FEEDBACK_MAX_PER_ADDRESS,
    feedbackWindowMinutes: e.REGIODESK_FEEDBACK_WINDOW_MINUTES,
    smtp: smtpOf(e),
    mailFrom: e.REGIODESK_MAIL_FROM ?? `RegioDesk <regiodesk@${hostOf(publicOrigin) ?? 'localhost'}>`,
    reminderIntervalMinutes: e.REGIODESK_REMINDER_INTERVAL_SECONDS ? e.REGIODESK_REMINDER_INTERVAL_SECONDS / 60 : e.REGIODESK_REMINDER_INTERVAL_MINUTES,
    backup: backupOf(e),
    sqliteSynchronous: e.REGIODESK_SQLITE_SYNCHRONOUS,
    retentionMonths: e.REGIODESK_RETENTION_MONTHS,
    oidc: oidcOf(e),
    passwordSignIn: e.REGIODESK_PASSWORD_SIGN_IN ?? true,
    processes: e.REGIODESK_PROCESSES,
    demoDate: e.REGIODESK_DEMO_DATE
  };
}

function oidcOf(e: Environment): OidcSettings | null {
  if (!e.REGIODESK_OIDC_ISSUER || !e.REGIODESK_OIDC_CLIENT_ID || !e.REGIODESK_OIDC_CLIENT_SECRET) return null;
  return {
    issuer: e.REGIODESK_OIDC_ISSUER,
    clientId: e.REGIODESK_OIDC_CLIENT_ID,
    clientSecret: e.REGIODESK_OIDC_CLIENT_SECRET,
    label: e.REGIODESK_OIDC_LABEL ?? new URL(e.REGIODESK_OIDC_ISSUER).host,
    emailClaim: e.REGIODESK_OIDC_EMAIL_CLAIM,
    jitDomains: e.REGIODESK_OIDC_JIT_DOMAINS
  };
}
