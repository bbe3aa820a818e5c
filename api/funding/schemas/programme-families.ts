/**
 * The funding programme families, the one list both sides read: the API's
 * schema (`ProgrammeFamily` in programmes.ts) and the web's family picker.
 * A leaf with no imports, so the web bundle takes nothing but the names.
 */
export const PROGRAMME_FAMILIES = [
  'interreg',
  'horizon_europe',
  'erasmus_plus',
  'life',
  'digital_europe',
  'single_market',
  'cosme',
  'cerv',
  'creative_europe',
  'eafrd_leader',
  'erdf',
  'regional',
  'other'
] as const;
