/**
 * 409 for a record that others still use: "This organisation cannot be
 * deleted: it is a party of 2 partnerships; 3 people work there (move or
 * delete them first)." The refusal and each use are messages of their own
 * (each use with its count's plural), listed in the reader's language when
 * the answer is written, as the field list of a failed validation is.
 * `code` names the refusal; `params.uses` holds each use's code and values,
 * for programs. Funding refuses its programmes the same way (crm's face).
 */
import { BASE_LOCALE, type Locale } from '../../../i18n/locales.js';
import { m } from '../../../i18n/paraglide-server/messages.js';
import { Conflict, type ProblemKey, type Words } from '../../platform/index.js';

type Messages = typeof m;
/** the refusals: messages that list the uses in `{uses}` */
export type StillUsedRefusal = { [K in ProblemKey]: NonNullable<Parameters<Messages[K]>[0]> extends { uses: unknown } ? K : never }[ProblemKey];

function say(said: { key: ProblemKey; params: unknown }, locale: Locale): string {
  return (m[said.key] as (params: unknown, options: { locale: Locale }) => string)(said.params, { locale });
}

export class StillUsed extends Conflict {
  constructor(
    private readonly refusal: StillUsedRefusal,
    private readonly uses: Words[],
    extra: Record<string, unknown> = {}
  ) {
    super({ key: refusal, params: { uses: StillUsed.list(uses, BASE_LOCALE) } } as Words, extra);
  }

  private static list(uses: Words[], locale: Locale): string {
    return uses.map((use) => say(use, locale)).join('; ');
  }

  override detailIn(locale: Locale): string {
    return say({ key: this.refusal, params: { uses: StillUsed.list(this.uses, locale) } }, locale);
  }

  override toJSON(locale: Locale = BASE_LOCALE) {
    return { ...super.toJSON(locale), params: { uses: this.uses.map((use) => ({ code: use.key, params: use.params })) } };
  }
}
