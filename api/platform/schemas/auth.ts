/** Sign-in, the signed-in user, invitations and personal access tokens. */
import { z } from 'zod';
import { LOCALES } from '../../../i18n/locales.js';
import { says } from '../http/problem-words.js';
import { Id, NonEmptyText } from './common.js';

export const Role = z.enum(['admin', 'officer', 'editor', 'viewer']);
export type Role = z.infer<typeof Role>;

/** zod's own bounds say it in the reader's language: "Use at least 10 characters." */
export const Password = z.string().min(10).max(200);

export const SignIn = z.strictObject({
  email: z.email(says('problems_auth_field_email')).max(200),
  password: z.string().min(1, says('problems_auth_field_password')).max(200)
});
export type SignIn = z.infer<typeof SignIn>;

export const Me = z
  .object({
    id: Id,
    name: z.string(),
    email: z.string(),
    organisationId: z.string().nullable(),
    isAdmin: z.boolean(),
    locale: z.string(),
    memberships: z.array(z.object({ partnershipId: Id, title: z.string(), role: Role })),
    /** what the header's bell shows on every page, so a page needs no second request for it */
    unreadNotifications: z.number().int()
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

/** A UI language an account may choose (i18n/locales.ts). */
export const UiLocale = z.enum(LOCALES);

export const AcceptInvitation = z.strictObject({
  token: z.string().min(10).max(200),
  password: Password,
  name: NonEmptyText(200).optional(),
  /** the language the invited person read the invitation in: becomes the account's */
  locale: UiLocale.optional()
});
export type AcceptInvitation = z.infer<typeof AcceptInvitation>;

export const InvitationLookup = z.strictObject({ token: z.string().min(10).max(200) });
export const InvitationInfo = z.object({ email: z.string(), name: z.string() });

export const AccessTokenCreate = z.strictObject({ name: NonEmptyText(100) });
export type AccessTokenCreate = z.infer<typeof AccessTokenCreate>;

export const AccessToken = z
  .object({
    id: Id,
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable()
  })
  .meta({ id: 'AccessToken' });
export type AccessToken = z.infer<typeof AccessToken>;

/** Answered once at creation: the only time the secret is shown. */
export const CreatedAccessToken = AccessToken.extend({ token: z.string() });

export const AccessTokenList = z.object({ items: z.array(AccessToken) });

export const LocaleChange = z.strictObject({ locale: UiLocale });

/** How one may sign in here: the password form (unless switched off) and single sign-on (when configured). */
export const SignInMethods = z
  .object({
    password: z.boolean(),
    singleSignOn: z.object({ label: z.string() }).nullable()
  })
  .meta({ id: 'SignInMethods' });
export type SignInMethods = z.infer<typeof SignInMethods>;

/** After signing out of a session that single sign-on started: where the browser goes so the provider ends its session too. */
export const SignedOut = z.object({ endSessionUrl: z.url() });

export const SingleSignOnStart = z.object({
  /** the page to return to after signing in (a path of RegioDesk; anything else returns to the home page) */
  next: z.string().max(2000).optional()
});

/** What the provider appends to the callback; the service reads them, unknown ones are ignored. */
export const SingleSignOnCallback = z.object({
  code: z.string().max(4000).optional(),
  state: z.string().max(1000).optional(),
  error: z.string().max(200).optional()
});
