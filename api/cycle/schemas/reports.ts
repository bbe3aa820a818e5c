/**
 * The headings of the work plan and evaluation documents (DOCX and the print
 * pages) in English, German and Dutch, as a typed resource read through
 * i18next. A document shows each heading in the partnership's languages
 * side by side ("Arbeitsplan 2027 | Werkplan 2027"), as the agreement does;
 * a language without labels here falls back to English.
 *
 * Shared by api/cycle/documents/ and the web's print pages, so both say
 * the same thing.
 */
import i18next, { type TFunction } from 'i18next';

const en = {
  workPlan: 'Work plan {{year}}',
  workPlanFile: 'Work-plan',
  evaluation: 'Evaluation {{year}}',
  evaluationFile: 'Evaluation',
  partnership: 'Partnership',
  parties: 'Partners',
  status: 'Status',
  revision: 'Revision',
  adoptedAt: 'Adopted on',
  proposedAt: 'Proposed on',
  introduction: 'Introduction',
  items: 'Actions',
  overview: 'Overview',
  noItems: 'No actions planned yet.',
  number: 'No.',
  title: 'Title',
  domain: 'Cooperation domain',
  form: 'Form of cooperation',
  responsible: 'Responsible',
  target: 'Target date',
  indicator: 'Indicator',
  targetValue: 'Target value',
  description: 'Description',
  activities: 'Activities',
  proposals: 'Candidate projects',
  quarter: 'Q{{quarter}} {{year}}',
  approvals: 'Approvals',
  party: 'Partner',
  approvedBy: 'Approved by',
  approvedAt: 'Approved on',
  notApproved: 'not yet approved',
  figures: 'Figures',
  figuresFrozen: 'Figures as frozen on adoption',
  figuresLive: 'Figures computed from the records',
  figure: 'Figure',
  value: 'Value',
  count: 'Number',
  share: 'Share',
  total: 'Total',
  none: 'None recorded.',
  activitiesHeld: 'Activities held',
  activitiesByType: 'Activities by type',
  activitiesByDomain: 'Activities by cooperation domain',
  activitiesByHostRegion: 'Activities by host region',
  political: 'Activities with the political level',
  participants: 'Participants',
  participantsByKind: 'Participants by kind',
  participantsByRegion: 'Participants by region',
  organisations: 'Distinct organisations',
  organisationsByKind: 'Organisations by kind',
  organisationsByRegion: 'Organisations by region',
  feedback: 'Average feedback (1–5)',
  feedbackResponses: 'Feedback responses',
  followUps: 'Follow-ups done',
  costs: 'Costs',
  budget: 'Budget',
  costShare: 'Costs against budget',
  proposalsTotal: 'Candidate projects',
  proposalsByStage: 'Candidate projects by stage',
  proposalsByProgramme: 'Candidate projects by programme',
  approvalRate: 'Approval rate (approved of decided)',
  assessments: 'Assessment of the work plan',
  noAssessments: 'No work plan actions to assess.',
  rating: 'Assessment',
  comment: 'Comment',
  sections: 'Assessment',
  documentStatus: { draft: 'draft', proposed: 'proposed', adopted: 'adopted' },
  itemStatus: { planned: 'planned', in_progress: 'in progress', done: 'done', dropped: 'dropped' },
  ratingValue: { achieved: 'achieved', partly: 'partly achieved', not_achieved: 'not achieved', dropped: 'dropped' },
  section: { results: 'Results', challenges: 'Challenges', recommendations: 'Recommendations', next_steps: 'Next steps' },
  formValue: {
    delegation_trips: 'Economic delegation trips',
    conferences: 'Conferences',
    matchmaking: 'Matchmaking events',
    business_settlement: 'Support for business settlement',
    knowhow_exchange: 'Exchange of administrative and political know-how',
    joint_eu_positions: 'Joint positions on EU matters',
    actor_support: 'Support for actors who want to cooperate',
    third_partner_support: 'Support with third partners'
  },
  activityType: {
    delegation_trip: 'Delegation trip',
    expert_exchange: 'Expert exchange',
    conference: 'Conference',
    matchmaking_event: 'Matchmaking event',
    joint_eu_event: 'Joint event at an EU venue',
    administrative_visit: 'Administrative visit',
    political_visit: 'Political visit',
    meeting: 'Meeting / committee session',
    workshop: 'Workshop'
  },
  stage: {
    idea: 'Idea',
    exploring: 'Exploring',
    in_preparation: 'In preparation',
    submitted: 'Submitted',
    approved: 'Approved',
    rejected: 'Rejected',
    withdrawn: 'Withdrawn',
    running: 'Running',
    closed: 'Closed'
  },
  organisationKind: {
    regional_authority: 'Regional authority',
    municipality: 'Municipality',
    county: 'County',
    agency: 'Agency',
    university_research: 'University / research',
    company: 'Company',
    cluster_intermediary: 'Cluster / intermediary',
    ngo: 'NGO',
    network: 'Network'
  },
  /** the "none" key of a tally, by what is missing */
  noValue: {
    hostRegion: 'No host region',
    region: 'No region',
    organisation: 'No organisation',
    programme: 'No programme'
  }
};

type Labels = typeof en;

const de: Labels = {
  workPlan: 'Arbeitsplan {{year}}',
  workPlanFile: 'Arbeitsplan',
  evaluation: 'Evaluierung {{year}}',
  evaluationFile: 'Evaluierung',
  partnership: 'Partnerschaft',
  parties: 'Partner',
  status: 'Status',
  revision: 'Fassung',
  adoptedAt: 'Beschlossen am',
  proposedAt: 'Vorgelegt am',
  introduction: 'Einleitung',
  items: 'Maßnahmen',
  overview: 'Übersicht',
  noItems: 'Noch keine Maßnahmen geplant.',
  number: 'Nr.',
  title: 'Titel',
  domain: 'Kooperationsbereich',
  form: 'Form der Zusammenarbeit',
  responsible: 'Verantwortlich',
  target: 'Zieltermin',
  indicator: 'Indikator',
  targetValue: 'Zielwert',
  description: 'Beschreibung',
  activities: 'Aktivitäten',
  proposals: 'Projektideen',
  quarter: '{{quarter}}. Quartal {{year}}',
  approvals: 'Zustimmungen',
  party: 'Partner',
  approvedBy: 'Zugestimmt von',
  approvedAt: 'Zugestimmt am',
  notApproved: 'noch nicht zugestimmt',
  figures: 'Kennzahlen',
  figuresFrozen: 'Kennzahlen, wie bei der Beschlussfassung festgeschrieben',
  figuresLive: 'Kennzahlen aus den erfassten Daten berechnet',
  figure: 'Kennzahl',
  value: 'Wert',
  count: 'Anzahl',
  share: 'Anteil',
  total: 'Gesamt',
  none: 'Keine erfasst.',
  activitiesHeld: 'Durchgeführte Aktivitäten',
  activitiesByType: 'Aktivitäten nach Art',
  activitiesByDomain: 'Aktivitäten nach Kooperationsbereich',
  activitiesByHostRegion: 'Aktivitäten nach Gastregion',
  political: 'Aktivitäten mit politischer Ebene',
  participants: 'Teilnehmende',
  participantsByKind: 'Teilnehmende nach Art',
  participantsByRegion: 'Teilnehmende nach Region',
  organisations: 'Beteiligte Organisationen',
  organisationsByKind: 'Organisationen nach Art',
  organisationsByRegion: 'Organisationen nach Region',
  feedback: 'Durchschnittliche Bewertung (1–5)',
  feedbackResponses: 'Rückmeldungen',
  followUps: 'Erledigte Folgeaufgaben',
  costs: 'Kosten',
  budget: 'Budget',
  costShare: 'Kosten im Verhältnis zum Budget',
  proposalsTotal: 'Projektideen',
  proposalsByStage: 'Projektideen nach Phase',
  proposalsByProgramme: 'Projektideen nach Programm',
  approvalRate: 'Bewilligungsquote (bewilligt von entschiedenen)',
  assessments: 'Bewertung des Arbeitsplans',
  noAssessments: 'Keine Maßnahmen des Arbeitsplans zu bewerten.',
  rating: 'Bewertung',
  comment: 'Kommentar',
  sections: 'Bewertung',
  documentStatus: { draft: 'Entwurf', proposed: 'vorgelegt', adopted: 'beschlossen' },
  itemStatus: { planned: 'geplant', in_progress: 'in Arbeit', done: 'erledigt', dropped: 'verworfen' },
  ratingValue: { achieved: 'erreicht', partly: 'teilweise erreicht', not_achieved: 'nicht erreicht', dropped: 'verworfen' },
  section: { results: 'Ergebnisse', challenges: 'Herausforderungen', recommendations: 'Empfehlungen', next_steps: 'Nächste Schritte' },
  formValue: {
    delegation_trips: 'Wirtschaftsdelegationsreisen',
    conferences: 'Konferenzen',
    matchmaking: 'Matchmaking-Veranstaltungen',
    business_settlement: 'Unterstützung bei Unternehmensansiedlungen',
    knowhow_exchange: 'Austausch von Verwaltungs- und politischem Know-how',
    joint_eu_positions: 'Gemeinsame Positionen zu EU-Themen',
    actor_support: 'Unterstützung von Akteuren, die kooperieren wollen',
    third_partner_support: 'Unterstützung mit Drittpartnern'
  },
  activityType: {
    delegation_trip: 'Delegationsreise',
    expert_exchange: 'Fachaustausch',
    conference: 'Konferenz',
    matchmaking_event: 'Matchmaking-Veranstaltung',
    joint_eu_event: 'Gemeinsame Veranstaltung an einem EU-Ort',
    administrative_visit: 'Besuch auf Verwaltungsebene',
    political_visit: 'Politischer Besuch',
    meeting: 'Sitzung / Ausschusssitzung',
    workshop: 'Workshop'
  },
  stage: {
    idea: 'Idee',
    exploring: 'Sondierung',
    in_preparation: 'In Vorbereitung',
    submitted: 'Eingereicht',
    approved: 'Bewilligt',
    rejected: 'Abgelehnt',
    withdrawn: 'Zurückgezogen',
    running: 'Laufend',
    closed: 'Abgeschlossen'
  },
  organisationKind: {
    regional_authority: 'Regionale Gebietskörperschaft',
    municipality: 'Kommune',
    county: 'Landkreis',
    agency: 'Agentur',
    university_research: 'Hochschule / Forschung',
    company: 'Unternehmen',
    cluster_intermediary: 'Cluster / Intermediär',
    ngo: 'NGO',
    network: 'Netzwerk'
  },
  noValue: {
    hostRegion: 'Keine Gastregion',
    region: 'Keine Region',
    organisation: 'Keine Organisation',
    programme: 'Kein Programm'
  }
};

const nl: Labels = {
  workPlan: 'Werkplan {{year}}',
  workPlanFile: 'Werkplan',
  evaluation: 'Evaluatie {{year}}',
  evaluationFile: 'Evaluatie',
  partnership: 'Partnerschap',
  parties: 'Partners',
  status: 'Status',
  revision: 'Versie',
  adoptedAt: 'Vastgesteld op',
  proposedAt: 'Voorgelegd op',
  introduction: 'Inleiding',
  items: 'Acties',
  overview: 'Overzicht',
  noItems: 'Nog geen acties gepland.',
  number: 'Nr.',
  title: 'Titel',
  domain: 'Samenwerkingsdomein',
  form: 'Samenwerkingsvorm',
  responsible: 'Verantwoordelijke',
  target: 'Streefdatum',
  indicator: 'Indicator',
  targetValue: 'Streefwaarde',
  description: 'Beschrijving',
  activities: 'Activiteiten',
  proposals: 'Projectvoorstellen',
  quarter: 'K{{quarter}} {{year}}',
  approvals: 'Goedkeuringen',
  party: 'Partner',
  approvedBy: 'Goedgekeurd door',
  approvedAt: 'Goedgekeurd op',
  notApproved: 'nog niet goedgekeurd',
  figures: 'Kerncijfers',
  figuresFrozen: 'Kerncijfers zoals vastgelegd bij de vaststelling',
  figuresLive: 'Kerncijfers berekend uit de registraties',
  figure: 'Kerncijfer',
  value: 'Waarde',
  count: 'Aantal',
  share: 'Aandeel',
  total: 'Totaal',
  none: 'Geen geregistreerd.',
  activitiesHeld: 'Gehouden activiteiten',
  activitiesByType: 'Activiteiten per type',
  activitiesByDomain: 'Activiteiten per samenwerkingsdomein',
  activitiesByHostRegion: 'Activiteiten per gastregio',
  political: 'Activiteiten met het politieke niveau',
  participants: 'Deelnemers',
  participantsByKind: 'Deelnemers per soort',
  participantsByRegion: 'Deelnemers per regio',
  organisations: 'Betrokken organisaties',
  organisationsByKind: 'Organisaties per soort',
  organisationsByRegion: 'Organisaties per regio',
  feedback: 'Gemiddelde feedback (1–5)',
  feedbackResponses: 'Feedbackreacties',
  followUps: 'Afgeronde opvolgacties',
  costs: 'Kosten',
  budget: 'Budget',
  costShare: 'Kosten tegenover budget',
  proposalsTotal: 'Projectvoorstellen',
  proposalsByStage: 'Projectvoorstellen per fase',
  proposalsByProgramme: 'Projectvoorstellen per programma',
  approvalRate: 'Goedkeuringspercentage (goedgekeurd van beslist)',
  assessments: 'Beoordeling van het werkplan',
  noAssessments: 'Geen acties van het werkplan te beoordelen.',
  rating: 'Beoordeling',
  comment: 'Opmerking',
  sections: 'Beoordeling',
  documentStatus: { draft: 'ontwerp', proposed: 'voorgelegd', adopted: 'vastgesteld' },
  itemStatus: { planned: 'gepland', in_progress: 'lopend', done: 'afgerond', dropped: 'geschrapt' },
  ratingValue: { achieved: 'bereikt', partly: 'gedeeltelijk bereikt', not_achieved: 'niet bereikt', dropped: 'geschrapt' },
  section: { results: 'Resultaten', challenges: 'Uitdagingen', recommendations: 'Aanbevelingen', next_steps: 'Volgende stappen' },
  formValue: {
    delegation_trips: 'Economische delegatiereizen',
    conferences: 'Conferenties',
    matchmaking: 'Matchmakingevenementen',
    business_settlement: 'Ondersteuning bij bedrijfsvestiging',
    knowhow_exchange: 'Uitwisseling van administratieve en politieke knowhow',
    joint_eu_positions: 'Gezamenlijke standpunten over EU-aangelegenheden',
    actor_support: 'Ondersteuning van actoren die willen samenwerken',
    third_partner_support: 'Ondersteuning met derde partners'
  },
  activityType: {
    delegation_trip: 'Delegatiereis',
    expert_exchange: 'Expertenuitwisseling',
    conference: 'Conferentie',
    matchmaking_event: 'Matchmakingevenement',
    joint_eu_event: 'Gezamenlijk evenement op een EU-locatie',
    administrative_visit: 'Administratief bezoek',
    political_visit: 'Politiek bezoek',
    meeting: 'Vergadering / comitévergadering',
    workshop: 'Workshop'
  },
  stage: {
    idea: 'Idee',
    exploring: 'Verkenning',
    in_preparation: 'In voorbereiding',
    submitted: 'Ingediend',
    approved: 'Goedgekeurd',
    rejected: 'Afgewezen',
    withdrawn: 'Ingetrokken',
    running: 'Lopend',
    closed: 'Afgesloten'
  },
  organisationKind: {
    regional_authority: 'Regionale overheid',
    municipality: 'Gemeente',
    county: 'Provincie / district',
    agency: 'Agentschap',
    university_research: 'Universiteit / onderzoek',
    company: 'Bedrijf',
    cluster_intermediary: 'Cluster / intermediair',
    ngo: 'Ngo',
    network: 'Netwerk'
  },
  noValue: {
    hostRegion: 'Geen gastregio',
    region: 'Geen regio',
    organisation: 'Geen organisatie',
    programme: 'Geen programma'
  }
};

/** The languages the document headings exist in. */
export const REPORT_LANGUAGES = ['en', 'de', 'nl'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** The labels of every language, for tests and for pages that list them. */
export const REPORT_LABELS: Record<ReportLanguage, Labels> = { en, de, nl };

type LabelGroup = 'activityType' | 'stage' | 'organisationKind' | 'noValue';

/** The label of `key` in `group` in every report language (English, German, Dutch), undefined for an unknown key. */
export function labelsOf(group: LabelGroup, key: string): { en: string; de: string; nl: string } | undefined {
  const table = (language: ReportLanguage) => REPORT_LABELS[language][group] as Record<string, string>;
  if (!Object.hasOwn(table('en'), key)) return undefined;
  return { en: table('en')[key]!, de: table('de')[key]!, nl: table('nl')[key]! };
}

/** A dotted key into the labels, e.g. `items` or `stage.approved`. */
export type ReportLabelKey = {
  [K in keyof Labels]: Labels[K] extends string ? K : `${K & string}.${keyof Labels[K] & string}`;
}[keyof Labels];

function isReportLanguage(code: string): code is ReportLanguage {
  return (REPORT_LANGUAGES as readonly string[]).includes(code);
}

/**
 * The languages a document's headings are shown in, from the partnership's
 * languages in party order: each one with labels as itself, any other as
 * English, without repeats; English when none is given.
 * `["de", "nl"]` → `["de", "nl"]`; `["fr", "nl"]` → `["en", "nl"]`.
 */
export function reportLanguages(languages: readonly string[]): ReportLanguage[] {
  const out: ReportLanguage[] = [];
  for (const language of languages) {
    const code = language.trim().toLowerCase().split(/[-_]/)[0] ?? '';
    const chosen = isReportLanguage(code) ? code : 'en';
    if (!out.includes(chosen)) out.push(chosen);
  }
  return out.length ? out : ['en'];
}

let i18n: ReturnType<typeof i18next.createInstance> | null = null;
const fixed = new Map<ReportLanguage, TFunction>();

function translate(language: ReportLanguage): TFunction {
  if (!i18n) {
    i18n = i18next.createInstance();
    void i18n.init({
      fallbackLng: 'en',
      supportedLngs: [...REPORT_LANGUAGES],
      resources: Object.fromEntries(REPORT_LANGUAGES.map((l) => [l, { translation: REPORT_LABELS[l] }])),
      initAsync: false,
      interpolation: { escapeValue: false },
      showSupportNotice: false
    } as Parameters<typeof i18n.init>[0]);
  }
  let t = fixed.get(language);
  if (!t) {
    t = i18n.getFixedT(language);
    fixed.set(language, t);
  }
  return t;
}

export interface ReportHeadings {
  languages: ReportLanguage[];
  /** the label in each language, in order, repeats removed ("Status" once, not "Status | Status") */
  each: (key: ReportLabelKey, values?: Record<string, unknown>) => string[];
  /** the labels side by side: "Arbeitsplan 2027 | Werkplan 2027" */
  both: (key: ReportLabelKey, values?: Record<string, unknown>) => string;
  /** a value's label (a status, a stage) side by side, or the fallback when the key has none */
  value: (group: 'documentStatus' | 'itemStatus' | 'ratingValue' | 'section' | 'formValue' | 'activityType' | 'stage' | 'organisationKind', key: string, fallback?: string) => string;
}

export const SIDE_BY_SIDE = ' | ';

/** Headings in the partnership's languages (see `reportLanguages`). */
export function reportHeadings(partnershipLanguages: readonly string[]): ReportHeadings {
  const languages = reportLanguages(partnershipLanguages);
  const each = (key: string, values?: Record<string, unknown>) => {
    const out: string[] = [];
    for (const language of languages) {
      const text = translate(language)(key, values ?? {}) as string;
      if (!out.includes(text)) out.push(text);
    }
    return out;
  };
  return {
    languages,
    each,
    both: (key, values) => each(key, values).join(SIDE_BY_SIDE),
    value: (group, key, fallback) => {
      const labels = en[group] as Record<string, string>;
      if (!(key in labels)) return fallback ?? key;
      return each(`${group}.${key}`).join(' / ');
    }
  };
}
