/**
 * Sign-in and who is calling.
 * - Sessions live server-side; the cookie holds a random secret whose SHA-256
 *   is the session id. A new session at every sign-in (the old one presented
 *   is dropped), ended after `sessionIdleMinutes` without a request or
 *   `sessionMaxDays` in all.
 * - Failed sign-ins are counted per account and per client address in a
 *   sliding window; past the limit the answer is 429 with Retry-After, even
 *   for the right password.
 * - Personal access tokens (Bearer) are stored hashed, listed with last use,
 *   revocable.
 */
import type { DB } from '../../../db/connection.js';
import { newId, nowIso } from '../../../db/ids.js';
import * as sessions from '../../../db/platform/sessions.js';
import * as users from '../../../db/platform/users.js';
import type { UserRow } from '../../../db/schema.js';
import { refuseWeakPassword } from '../auth/password-strength.js';
import { decoyHash, hashPassword, verifyPassword } from '../auth/passwords.js';
import { digest, newSecret } from '../auth/secrets.js';
import type { Settings } from '../config.js';
import { isLocale } from '../../../i18n/locales.js';
import type { Caller, PartnershipRole } from '../http/caller.js';
import { Forbidden, NotFound, Problem, StorageUnavailable, TooManyRequests, Unauthorized, ValidationFailed } from '../http/errors.js';
import { holdForWrite } from '../../../db/row-locks.js';
import { storageFaultOf } from '../../../db/storage-faults.js';
import type { AccessToken, AcceptInvitation, Me } from '../schemas/auth.js';
import { recordChange } from './audit.js';
import { bestEffort } from './bookkeeping.js';

const MINUTE = 60_000;

export interface SignedIn {
  caller: Caller;
  sessionToken: string;
  /** the account's language, which the UI takes at sign-in (the language cookie) */
  locale: string;
}

function toAccessToken(row: Awaited<ReturnType<typeof sessions.listAccessTokens>>[number]): AccessToken {
  return { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.created_at, lastUsedAt: row.last_used_at, revokedAt: row.revoked_at };
}

/** The caller a user is, with their roles per partnership. */
function callerOf(user: Pick<UserRow, 'id' | 'name' | 'email' | 'organisation_id' | 'is_admin'> & { locale?: string }, roles: Record<string, PartnershipRole>, via: Caller['via']): Caller {
  return { userId: user.id, name: user.name, email: user.email, organisationId: user.organisation_id, isAdmin: user.is_admin === 1, roles, via, ...(isLocale(user.locale) ? { locale: user.locale } : {}) };
}

/** A used invitation link, whether used long ago or a moment ago by a second submit of the same form. */
function invitationUsed(): Problem {
  return new Problem(410, 'Gone', 'This invitation link has been used already: sign in with the password set through it, or ask an administrator for a new link.', { errors: [] });
}

export class AuthService {
  constructor(
    private readonly db: DB,
    private readonly settings: Settings,
    private readonly clock: () => Date = () => new Date()
  ) {}

  private now(): Date {
    return this.clock();
  }

  async callerFor(user: Pick<UserRow, 'id' | 'name' | 'email' | 'organisation_id' | 'is_admin'> & { locale?: string }, via: Caller['via']): Promise<Caller> {
    const roles: Record<string, PartnershipRole> = {};
    for (const m of await users.rolesOf(this.db, user.id)) roles[m.partnership_id] = m.role as PartnershipRole;
    return callerOf(user, roles, via);
  }

  /** The caller from a row that carries its roles already (`roles_json`, read with the session or token). */
  private callerWithRoles(row: Pick<UserRow, 'id' | 'name' | 'email' | 'organisation_id' | 'is_admin'> & { locale?: string; roles_json: string | null }, via: Caller['via']): Caller {
    return callerOf(row, JSON.parse(row.roles_json ?? '{}') as Record<string, PartnershipRole>, via);
  }

  /** The caller as they see themselves: user, memberships (by title) and unread notifications, in one statement. */
  async me(caller: Caller): Promise<Me> {
    const user = await users.findMe(this.db, caller.userId);
    if (!user) throw new Unauthorized();
    return {
      id: user.id,
      name: user.name,
      email: user.email,
      organisationId: user.organisation_id,
      isAdmin: user.is_admin === 1,
      locale: user.locale,
      memberships: JSON.parse(user.memberships_json ?? '[]') as Me['memberships'],
      unreadNotifications: Number(user.unread_notifications)
    };
  }

  async setLocale(caller: Caller, locale: string): Promise<void> {
    await users.updateUser(this.db, caller.userId, { locale, updated_at: nowIso() });
  }

  private async throttle(keys: string[], limits: number[]): Promise<void> {
    const now = this.now().getTime();
    const windowMs = this.settings.throttleWindowMinutes * MINUTE;
    const since = new Date(now - windowMs).toISOString();
    for (const [i, key] of keys.entries()) {
      const { count, oldest } = await sessions.countSignInFailures(this.db, key, since);
      if (count >= limits[i]!) {
        const retryAfter = oldest ? Math.max(1, Math.ceil((Date.parse(oldest) + windowMs - now) / 1000)) : 60;
        throw new TooManyRequests(retryAfter, 'Too many failed sign-ins. Wait a few minutes before trying again.');
      }
    }
  }

  /** Signing in writes (failed attempts, the session): on a full disk or a read-only database it answers 503 saying so. */
  async signIn(email: string, password: string, client: { address: string; userAgent: string | null; previousToken: string | null }): Promise<SignedIn> {
    this.refusePasswordsWhenOff();
    try {
      return await this.checkAndStartSession(email, password, client);
    } catch (error) {
      const fault = storageFaultOf(error);
      throw fault ? new StorageUnavailable(fault, 'signIn') : error;
    }
  }

  private async checkAndStartSession(email: string, password: string, client: { address: string; userAgent: string | null; previousToken: string | null }): Promise<SignedIn> {
    const accountKey = `account:${email.toLowerCase()}`;
    const addressKey = `address:${client.address}`;
    await this.throttle([accountKey, addressKey], [this.settings.maxFailuresPerAccount, this.settings.maxFailuresPerAddress]);

    const user = await users.findUserByEmail(this.db, email);
    const ok = user?.password_hash ? await verifyPassword(user.password_hash, password) : (await verifyPassword(await decoyHash, password), false);
    if (!user || !ok || user.disabled_at) {
      await sessions.recordSignInFailure(this.db, [accountKey, addressKey], this.now().toISOString());
      throw new Unauthorized('The email or password is not right.');
    }
    await sessions.clearSignInFailures(this.db, accountKey);
    if (client.previousToken) await sessions.deleteSession(this.db, digest(client.previousToken));
    const sessionToken = await this.startSession(user.id, client);
    return { caller: await this.callerFor(user, 'session'), sessionToken, locale: user.locale };
  }

  /**
   * Signs in a user the OpenID provider vouched for (single sign-on): the same
   * session as a password sign-in, keeping the provider's ID token for
   * sign-out; the account's failed password attempts are forgotten as after
   * a good password.
   */
  async signInVouched(user: UserRow, client: { address: string; userAgent: string | null; previousToken: string | null; idToken: string }): Promise<SignedIn> {
    await sessions.clearSignInFailures(this.db, `account:${user.email.toLowerCase()}`);
    if (client.previousToken) await sessions.deleteSession(this.db, digest(client.previousToken));
    const sessionToken = await this.startSession(user.id, client);
    return { caller: await this.callerFor(user, 'session'), sessionToken, locale: user.locale };
  }

  /** A sign-in that failed before any password was tried (single sign-on): counted as a failed password is, per address and, when known, per account. */
  async recordFailedSignIn(address: string, email: string | null): Promise<void> {
    const keys = [`address:${address}`, ...(email ? [`account:${email.toLowerCase()}`] : [])];
    await bestEffort('Recording a failed single sign-on', () => sessions.recordSignInFailure(this.db, keys, this.now().toISOString()));
  }

  /** The ID token the provider gave when this session started (null for a password session). */
  idTokenOf(sessionToken: string): Promise<string | null> {
    return sessions.idTokenOfSession(this.db, digest(sessionToken));
  }

  private async startSession(userId: string, client: { address: string; userAgent: string | null; idToken?: string }): Promise<string> {
    const token = newSecret();
    const now = this.now();
    await sessions.insertSession(this.db, {
      id: digest(token),
      user_id: userId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + this.settings.sessionMaxDays * 24 * 60 * MINUTE).toISOString(),
      ip: client.address,
      user_agent: client.userAgent?.slice(0, 300) ?? null,
      id_token: client.idToken ?? null
    });
    return token;
  }

  async signOut(sessionToken: string | null): Promise<void> {
    if (sessionToken) await sessions.deleteSession(this.db, digest(sessionToken));
  }

  /** The caller behind a session cookie, or null when it is unknown or expired (one statement: session, user and roles; a write at most once a minute, best-effort). */
  async fromSession(token: string): Promise<Caller | null> {
    const id = digest(token);
    const session = await sessions.findSessionWithUser(this.db, id);
    if (!session) return null;
    const now = this.now();
    const idleLimit = Date.parse(session.last_seen_at) + this.settings.sessionIdleMinutes * MINUTE;
    if (now.getTime() > idleLimit || now.toISOString() > session.expires_at) {
      await bestEffort('Dropping an expired session', () => sessions.deleteSession(this.db, id));
      return null;
    }
    if (session.disabled_at) return null;
    if (now.getTime() - Date.parse(session.last_seen_at) > MINUTE) await bestEffort('Recording a session’s last request', () => sessions.touchSession(this.db, id, now.toISOString()));
    return this.callerWithRoles(session, 'session');
  }

  /** The caller behind a Bearer token (one statement, as for sessions), or null when it is unknown or revoked; its last use is written at most once a minute (best-effort), as for sessions. */
  async fromAccessToken(token: string): Promise<Caller | null> {
    const row = await sessions.findAccessTokenWithUser(this.db, digest(token));
    if (!row || row.revoked_at || row.disabled_at) return null;
    const now = this.now();
    if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > MINUTE) await bestEffort('Recording an access token’s last use', () => sessions.touchAccessToken(this.db, row.token_id, now.toISOString()));
    return this.callerWithRoles(row, 'token');
  }

  async listTokens(caller: Caller): Promise<AccessToken[]> {
    return (await sessions.listAccessTokens(this.db, caller.userId)).map(toAccessToken);
  }

  async createToken(caller: Caller, name: string): Promise<AccessToken & { token: string }> {
    const token = newSecret('rd_');
    return this.db.transaction().execute(async (trx) => {
      const row = await sessions.insertAccessToken(trx, {
        id: newId(),
        user_id: caller.userId,
        name,
        token_hash: digest(token),
        prefix: token.slice(0, 9),
        created_at: this.now().toISOString()
      });
      const created = toAccessToken(row);
      await recordChange(trx, caller, 'user', caller.userId, null, { accessTokenCreated: created });
      return { ...created, token };
    });
  }

  async revokeToken(caller: Caller, id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = await sessions.revokeAccessToken(trx, caller.userId, id, this.now().toISOString());
      if (!row) throw new NotFound('access token');
      await recordChange(trx, caller, 'user', caller.userId, { accessToken: toAccessToken(row) }, { accessTokenRevoked: row.id });
    });
  }

  /** An invitation that may still be accepted: not used (nor its user's password set through another link of theirs), not expired; else 410 in words. */
  private usable<T extends { accepted_at: string | null; expires_at: string; has_password: number }>(invitation: T | undefined): T {
    if (!invitation) throw new ValidationFailed([{ path: 'token', message: 'This invitation link is no longer valid. Ask an administrator for a new one.' }]);
    if (invitation.accepted_at || invitation.has_password) throw invitationUsed();
    if (invitation.expires_at < this.now().toISOString()) throw new Problem(410, 'Gone', 'This invitation link has expired. Ask an administrator for a new one.', { errors: [] });
    return invitation;
  }

  async invitation(token: string): Promise<{ email: string; name: string }> {
    const invitation = await users.findInvitationByHash(this.db, digest(token));
    if (!invitation || invitation.accepted_at || invitation.has_password || invitation.expires_at < this.now().toISOString()) throw new NotFound('invitation');
    return { email: invitation.email, name: invitation.name };
  }

  /** With password sign-in switched off (REGIODESK_PASSWORD_SIGN_IN), no password signs anyone in or is set: people come through the provider. */
  private refusePasswordsWhenOff(): void {
    if (!this.settings.passwordSignIn) {
      throw new Forbidden(`Signing in with a password is switched off here: use “Sign in with ${this.settings.oidc?.label ?? 'your organisation’s account'}” instead.`);
    }
  }

  /**
   * Sets the invited person's password and signs them in; refused while password sign-in is off (the invited person signs in through the
   * provider, matched by e-mail). The invitation is checked twice: before the (slow) password checks, so a dead link is told at once, and
   * again inside the transaction that uses it, with the invited user's row held (db/row-locks.ts), so of two submits at the same moment
   * (a double click, two tabs, two processes) one sets the password and the other is told the link was used (410), as any later one is.
   */
  async acceptInvitation(input: AcceptInvitation, client: { address: string; userAgent: string | null }): Promise<SignedIn> {
    this.refusePasswordsWhenOff();
    const tokenHash = digest(input.token);
    const invitation = this.usable(await users.findInvitationByHash(this.db, tokenHash));
    await refuseWeakPassword(input.password, { email: invitation.email, name: [input.name, invitation.name].filter(Boolean).join(' ') });
    const passwordHash = await hashPassword(input.password);
    const user = await this.db.transaction().execute(async (trx) => {
      await holdForWrite(trx, 'users', invitation.user_id);
      const held = this.usable(await users.findInvitationByHash(trx, tokenHash));
      const at = this.now().toISOString();
      if (!(await users.markInvitationAccepted(trx, held.id, at))) throw invitationUsed();
      const updated = await users.updateUser(trx, held.user_id, {
        password_hash: passwordHash,
        name: input.name ?? held.name,
        ...(input.locale ? { locale: input.locale } : {}),
        updated_at: at
      });
      await recordChange(trx, null, 'user', updated.id, { invitationPending: true }, { invitationPending: false });
      return updated;
    });
    const sessionToken = await this.startSession(user.id, client);
    return { caller: await this.callerFor(user, 'session'), sessionToken, locale: user.locale };
  }
}
