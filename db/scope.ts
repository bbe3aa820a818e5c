/**
 * What a caller may see, as plain values the repositories turn into SQL.
 * Decided in api/platform/services/access.ts; db/ only applies it.
 */
export type Scope =
  | { all: true }
  | {
      all: false;
      /** the caller's own organisation (records it recorded are visible) */
      organisationId: string | null;
      /** partnerships the caller is a member of */
      partnershipIds: string[];
    };
