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
  invitationDays: number;
  /** requests to the public feedback links per client address within the window before 429 */
  feedbackMaxPerAddress: number;
  feedbackWindowMinutes: number;
}

function int(value: string | undefined, fallback: number): number {
  const n = value === undefined || value === '' ? NaN : Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
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
    invitationDays: int(env.REGIODESK_INVITATION_DAYS, 14),
    feedbackMaxPerAddress: int(env.REGIODESK_FEEDBACK_MAX_PER_ADDRESS, 30),
    feedbackWindowMinutes: int(env.REGIODESK_FEEDBACK_WINDOW_MINUTES, 10)
  };
}
