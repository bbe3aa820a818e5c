/**
 * Settings read from the environment once at start-up (README lists each).
 */
export interface Settings {
  /** minutes of inactivity after which a session ends */
  sessionIdleMinutes: number;
  /** days after which a session ends whatever happens */
  sessionMaxDays: number;
  /** failed sign-ins per account within the window before 429 */
  maxFailuresPerAccount: number;
  /** failed sign-ins per client address within the window before 429 */
  maxFailuresPerAddress: number;
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
  /** minutes between two reminder runs of the server process; 0: no periodic run */
  reminderIntervalMinutes: number;
  /** months without interaction or participation after which a person comes up for retention review */
  retentionMonths: number;
  /** scheduled backups while the server runs; null: none (`npm run backup` still works) */
  backup: BackupSettings | null;
  /** SQLite's `synchronous`: `full` also survives a power loss right after a commit, `normal` (the default) a crash of the process */
  sqliteSynchronous: 'full' | 'normal';
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

function int(value: string | undefined, fallback: number): number {
  const n = value === undefined || value === '' ? NaN : Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function hostOf(origin: string | null): string | null {
  try {
    return origin ? new URL(origin).hostname : null;
  } catch {
    return null;
  }
}

function flag(value: string | undefined): boolean | null {
  if (value === undefined || value === '') return null;
  return ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase());
}

/**
 * SMTP from `REGIODESK_SMTP_URL` (`smtp://user:password@host:587`,
 * `smtps://…:465`; user and password URL-encoded) or from
 * `REGIODESK_SMTP_HOST` with `_PORT`, `_SECURE`, `_USER`, `_PASSWORD`.
 * Neither set: null.
 */
export function smtpFrom(env: NodeJS.ProcessEnv): SmtpSettings | null {
  const url = env.REGIODESK_SMTP_URL?.trim();
  if (url) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error('REGIODESK_SMTP_URL is not a URL; write it like smtp://user:password@mail.example.org:587');
    }
    if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') throw new Error('REGIODESK_SMTP_URL must start with smtp:// or smtps://');
    const secure = parsed.protocol === 'smtps:';
    return {
      host: parsed.hostname.replace(/^\[|\]$/g, ''),
      port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
      secure,
      user: parsed.username ? decodeURIComponent(parsed.username) : null,
      password: parsed.password ? decodeURIComponent(parsed.password) : null
    };
  }
  const host = env.REGIODESK_SMTP_HOST?.trim();
  if (!host) return null;
  const secure = flag(env.REGIODESK_SMTP_SECURE) ?? env.REGIODESK_SMTP_PORT?.trim() === '465';
  return {
    host,
    port: int(env.REGIODESK_SMTP_PORT, secure ? 465 : 587),
    secure,
    user: env.REGIODESK_SMTP_USER?.trim() || null,
    password: env.REGIODESK_SMTP_PASSWORD || null
  };
}

/** `REGIODESK_BACKUP_DIR` with `_INTERVAL_HOURS` (default 24) and `_KEEP` (default 7); a value that is not a positive number is refused with why. */
export function backupFrom(env: NodeJS.ProcessEnv): BackupSettings | null {
  const dir = env.REGIODESK_BACKUP_DIR?.trim();
  if (!dir) return null;
  const hours = env.REGIODESK_BACKUP_INTERVAL_HOURS?.trim() || '24';
  const intervalHours = Number(hours);
  if (!Number.isFinite(intervalHours) || intervalHours <= 0) throw new Error(`REGIODESK_BACKUP_INTERVAL_HOURS must be a positive number of hours (e.g. 24 or 0.5), not "${hours}".`);
  const kept = env.REGIODESK_BACKUP_KEEP?.trim() || '7';
  const keep = Number(kept);
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`REGIODESK_BACKUP_KEEP must be a whole number of backups, 1 or more, not "${kept}".`);
  return { dir, intervalHours, keep };
}

export function sqliteSynchronousFrom(env: NodeJS.ProcessEnv): 'full' | 'normal' {
  const value = env.REGIODESK_SQLITE_SYNCHRONOUS?.trim().toLowerCase() || 'normal';
  if (value !== 'full' && value !== 'normal') throw new Error(`REGIODESK_SQLITE_SYNCHRONOUS must be full or normal, not "${env.REGIODESK_SQLITE_SYNCHRONOUS}".`);
  return value;
}

/** REGIODESK_RETENTION_MONTHS: a whole number of months from 1 to 1200 (default 36); anything else stops the start with why. */
export function retentionMonthsFrom(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 36;
  const months = Number(value.trim());
  if (!Number.isInteger(months) || months < 1 || months > 1200) {
    throw new Error(`REGIODESK_RETENTION_MONTHS must be a whole number of months from 1 to 1200 (e.g. 36), not "${value}".`);
  }
  return months;
}

export function settingsFrom(env: NodeJS.ProcessEnv = process.env): Settings {
  const publicOrigin = env.REGIODESK_PUBLIC_ORIGIN?.replace(/\/$/, '') || null;
  return {
    sessionIdleMinutes: int(env.REGIODESK_SESSION_IDLE_MINUTES, 120),
    sessionMaxDays: int(env.REGIODESK_SESSION_MAX_DAYS, 30),
    maxFailuresPerAccount: int(env.REGIODESK_SIGNIN_MAX_PER_ACCOUNT, 5),
    maxFailuresPerAddress: int(env.REGIODESK_SIGNIN_MAX_PER_ADDRESS, 20),
    throttleWindowMinutes: int(env.REGIODESK_SIGNIN_WINDOW_MINUTES, 15),
    publicOrigin,
    secureCookies: env.REGIODESK_SECURE_COOKIES ? env.REGIODESK_SECURE_COOKIES === '1' : publicOrigin?.startsWith('https:') ?? false,
    maxBodyBytes: int(env.REGIODESK_MAX_BODY_BYTES, 1024 * 1024),
    maxImportBytes: int(env.REGIODESK_MAX_IMPORT_BYTES, 200 * 1024 * 1024),
    invitationDays: int(env.REGIODESK_INVITATION_DAYS, 14),
    feedbackMaxPerAddress: int(env.REGIODESK_FEEDBACK_MAX_PER_ADDRESS, 30),
    feedbackWindowMinutes: int(env.REGIODESK_FEEDBACK_WINDOW_MINUTES, 10),
    smtp: smtpFrom(env),
    mailFrom: env.REGIODESK_MAIL_FROM?.trim() || `RegioDesk <regiodesk@${hostOf(publicOrigin) ?? 'localhost'}>`,
    reminderIntervalMinutes: env.REGIODESK_REMINDER_INTERVAL_MINUTES?.trim() === '0' ? 0 : int(env.REGIODESK_REMINDER_INTERVAL_MINUTES, 15),
    backup: backupFrom(env),
    sqliteSynchronous: sqliteSynchronousFrom(env),
    retentionMonths: retentionMonthsFrom(env.REGIODESK_RETENTION_MONTHS)
  };
}
