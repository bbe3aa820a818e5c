/**
 * The work plan and evaluation Word documents built from hand-made
 * WorkPlanDetail and EvaluationDetail objects: headings in German and Dutch
 * side by side, English for a language without labels, the items, figures
 * and tables, and the charts as real PNG images.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Approval } from '../../../api/cycle/schemas/coediting.js';
import type { EvaluationDetail } from '../../../api/cycle/schemas/evaluations.js';
import { reportLanguages } from '../../../api/cycle/schemas/reports.js';
import { reportHeadings } from '../../../api/cycle/schemas/document-words.js';
import type { WorkPlanDetail, WorkPlanItem } from '../../../api/cycle/schemas/work-plans.js';
import { barChartPng, barChartSvg, chartHeight } from '../../../api/cycle/documents/charts.js';
import { evaluationDocument } from '../../../api/cycle/documents/evaluation-document.js';
import { workPlanDocument } from '../../../api/cycle/documents/work-plan-document.js';
import { docxText } from '../../e2e/support/docx.js';

const parties = [
  { id: 'party-vrrn', organisationId: 'org-vrrn', organisationName: 'Verband Region Rhein-Neckar', regionName: 'Rhein-Neckar', languages: ['de'] },
  { id: 'party-pfb', organisationId: 'org-pfb', organisationName: 'Provincie Vlaams-Brabant', regionName: 'Vlaams-Brabant', languages: ['nl'] }
];

const approvals: Approval[] = [
  {
    partyId: 'party-vrrn',
    organisationId: 'org-vrrn',
    organisationName: 'Verband Region Rhein-Neckar',
    regionName: 'Rhein-Neckar',
    approved: true,
    approvedBy: { id: 'u1', name: 'Jörg Müller' },
    approvedAt: '2026-12-14T10:00:00.000Z',
    withdrawn: null
  },
  {
    partyId: 'party-pfb',
    organisationId: 'org-pfb',
    organisationName: 'Provincie Vlaams-Brabant',
    regionName: 'Vlaams-Brabant',
    approved: false,
    approvedBy: null,
    approvedAt: null,
    withdrawn: null
  }
];

function item(over: Partial<WorkPlanItem>): WorkPlanItem {
  return {
    id: 'item',
    workPlanId: 'wp1',
    position: 1,
    domainId: null,
    domainLabel: null,
    title: 'Item',
    description: null,
    form: null,
    responsiblePartyId: null,
    responsiblePartyName: null,
    responsiblePersonId: null,
    responsiblePersonName: null,
    targetDate: null,
    targetQuarter: null,
    indicator: null,
    targetValue: null,
    status: 'planned',
    activityIds: [],
    proposalIds: [],
    activities: [],
    proposals: [],
    version: 1,
    updatedAt: '2026-12-01T09:00:00.000Z',
    updatedBy: null,
    ...over
  };
}

function workPlan(over: Partial<WorkPlanDetail> = {}): WorkPlanDetail {
  return {
    id: 'wp1',
    partnershipId: 'p1',
    partnershipTitle: 'Rhein-Neckar – Vlaams-Brabant',
    year: 2027,
    status: 'proposed',
    revision: 2,
    introduction: 'Gemeinsamer Arbeitsplan für 2027.\n\nGezamenlijk werkplan voor 2027.',
    parties,
    languages: ['de', 'nl'],
    approvals,
    itemCount: 2,
    proposedAt: '2026-12-10T08:00:00.000Z',
    adoptedAt: null,
    canEdit: false,
    canRecordProgress: false,
    canApproveFor: [],
    version: 3,
    createdAt: '2026-12-01T09:00:00.000Z',
    updatedAt: '2026-12-10T08:00:00.000Z',
    items: [
      item({
        id: 'i1',
        title: 'Delegationsreise Life Sciences nach Leuven',
        domainId: 'd-health',
        domainLabel: { en: 'Health and life sciences', de: 'Gesundheit und Lebenswissenschaften', nl: 'Gezondheid en levenswetenschappen' },
        description: 'Besuch bei KU Leuven und Leuven MindGate.\nSecond line of the description.',
        form: 'delegation_trips',
        responsiblePartyName: 'Verband Region Rhein-Neckar',
        responsiblePersonName: 'Jörg Müller',
        targetQuarter: 2,
        indicator: 'Teilnehmende Unternehmen',
        targetValue: '12',
        status: 'in_progress',
        activities: [{ id: 'a1', title: 'Mission Leuven', startsAt: '2027-04-20T07:00:00.000Z', type: 'delegation_trip' }],
        proposals: [{ id: 'pr1', acronym: 'LIFEBRIDGE', stage: 'submitted' }]
      }),
      item({ id: 'i2', title: 'Gemeinsame Veranstaltung in Brüssel', targetDate: '2027-10-12', status: 'planned', responsiblePartyName: 'Provincie Vlaams-Brabant' })
    ],
    revisions: [{ number: 1, adoptedAt: '2026-12-20T10:00:00.000Z' }],
    ...over
  };
}

const tally = (key: string, label: string, count: number) => ({ key, label, count });

function evaluation(over: Partial<EvaluationDetail> = {}): EvaluationDetail {
  return {
    id: 'ev1',
    partnershipId: 'p1',
    partnershipTitle: 'Rhein-Neckar – Vlaams-Brabant',
    year: 2026,
    status: 'adopted',
    parties,
    languages: ['de', 'nl'],
    approvals,
    workPlanId: 'wp0',
    proposedAt: '2026-11-20T08:00:00.000Z',
    adoptedAt: '2026-11-28T08:00:00.000Z',
    canEdit: false,
    canApproveFor: [],
    version: 4,
    createdAt: '2026-11-01T08:00:00.000Z',
    updatedAt: '2026-11-28T08:00:00.000Z',
    figures: {
      partnershipId: 'p1',
      year: 2026,
      activities: {
        total: 23,
        byType: [tally('delegation_trip', 'Delegation trip', 14), tally('expert_exchange', 'Expert exchange', 6), tally('joint_eu_event', 'Joint event', 3)],
        byDomain: [tally('d-health', 'Health and life sciences', 9), { ...tally('d-mobility', 'Mobility and logistics', 5), labels: { en: 'Mobility and logistics', de: 'Mobilität und Logistik', nl: 'Mobiliteit en logistiek' } }],
        byHostRegion: [tally('r-rn', 'Rhein-Neckar', 11), tally('r-vb', 'Vlaams-Brabant', 9), tally('r-bx', 'Brussels', 3), tally('none', 'No host region', 1)],
        political: { count: 5, share: 5 / 23 }
      },
      participants: {
        total: 61,
        byKind: [tally('company', 'Company', 30), tally('university', 'University / research', 31)],
        byRegion: [tally('r-rn', 'Rhein-Neckar', 34), tally('r-vb', 'Vlaams-Brabant', 27)],
        organisations: { total: 37, byKind: [tally('company', 'Company', 20), tally('university', 'University / research', 17)], byRegion: [] }
      },
      feedback: { responses: 40, average: 4.25 },
      followUps: { total: 10, done: 7, rate: 0.7 },
      costs: { spentCents: 1_234_567, budgetCents: 2_000_000, share: 0.617 },
      proposals: {
        total: 6,
        byStage: [tally('submitted', 'Submitted', 2), tally('approved', 'Approved', 2), tally('rejected', 'Rejected', 1), tally('idea', 'Idea', 1)],
        byProgramme: [tally('interreg-nwe', 'Interreg NWE', 4), tally('horizon', 'Horizon Europe', 2)],
        decided: 3,
        approved: 2,
        approvalRate: 2 / 3
      }
    },
    figuresFrozenAt: '2026-11-28T08:00:00.000Z',
    sections: [
      { id: 's1', kind: 'results', body: 'Sechs Projektvorschläge, zwei bewilligt.', version: 2, updatedAt: '2026-11-20T08:00:00.000Z', updatedBy: null },
      { id: 's2', kind: 'next_steps', body: 'Volgende stappen: jaarplan 2027.', version: 1, updatedAt: '2026-11-20T08:00:00.000Z', updatedBy: null }
    ],
    assessments: [
      {
        id: 'as1',
        workPlanItemId: 'i0',
        itemTitle: 'Konferenz Kreislaufwirtschaft',
        itemDomainLabel: { en: 'Circular economy', de: 'Kreislaufwirtschaft', nl: 'Circulaire economie' },
        itemStatus: 'done',
        itemTargetValue: '80 Teilnehmende',
        rating: 'partly',
        comment: 'Nur 60 Teilnehmende.',
        version: 1,
        updatedAt: '2026-11-20T08:00:00.000Z',
        updatedBy: null
      }
    ],
    ...over
  };
}

async function parts(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  // Intl puts no-break spaces before % and €
  const text = (await docxText(bytes)).text.replace(/\u00a0/g, ' ');
  const media = Object.keys(zip.files).filter((name) => /^word\/media\/.+\.png$/.test(name));
  const images = await Promise.all(media.map(async (name) => zip.file(name)!.async('uint8array')));
  return { text, lines: text.split('\n'), media, images };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngSize(png: Uint8Array): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect(String.fromCharCode(...png.subarray(12, 16))).toBe('IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('the languages of the headings', () => {
  it('follow the partnership, fall back to English for a language without labels, and never repeat', () => {
    expect(reportLanguages(['de', 'nl'])).toEqual(['de', 'nl']);
    expect(reportLanguages(['nl', 'de'])).toEqual(['nl', 'de']);
    expect(reportLanguages(['fr', 'nl'])).toEqual(['en', 'nl']);
    expect(reportLanguages(['de-AT', 'de', 'fr', 'it'])).toEqual(['de', 'en']);
    expect(reportLanguages([])).toEqual(['en']);
  });

  it('put the labels side by side, once when they are the same', () => {
    const h = reportHeadings(['de', 'nl']);
    expect(h.both('workPlan', { year: 2027 })).toBe('Arbeitsplan 2027 | Jaarplan 2027');
    expect(h.both('status')).toBe('Status');
    expect(h.value('itemStatus', 'done')).toBe('erledigt / afgerond');
    expect(h.value('stage', 'unknown-stage', 'Somewhere')).toBe('Somewhere');
    // the Dutch of the web's glossary (jaarplan, economische missie, ambtelijk bezoek, projectideeën, opvolgingen, per soort, omschrijving)
    expect(h.value('activityType', 'delegation_trip')).toBe('Delegationsreise / Economische missie');
    expect(h.value('activityType', 'administrative_visit')).toBe('Besuch auf Verwaltungsebene / Ambtelijk bezoek');
    expect(h.value('formValue', 'delegation_trips')).toBe('Wirtschaftsdelegationsreisen / Economische missies');
    expect(h.both('proposalsByStage')).toBe('Projektideen nach Phase | Projectideeën per fase');
    expect(h.both('followUps')).toBe('Erledigte Folgeaufgaben | Afgeronde opvolgingen');
    expect(h.both('activitiesByType')).toBe('Aktivitäten nach Art | Activiteiten per soort');
    expect(h.both('description')).toBe('Beschreibung | Omschrijving');
    expect(h.both('quarter', { quarter: 2, year: 2027 })).toBe('2. Quartal 2027 | K2 2027');
    expect(reportHeadings(['nl', 'de']).both('assessments')).toBe('Beoordeling van het jaarplan | Bewertung des Arbeitsplans');
    expect(reportHeadings(['fr']).both('evaluation', { year: 2026 })).toBe('Evaluation 2026');
  });
});

describe('the work plan document', () => {
  it('has German and Dutch headings side by side, the overview and each item with its fields', async () => {
    const file = await workPlanDocument(workPlan());
    expect(file.filename).toBe('Arbeitsplan-Jaarplan-2027-Rhein-Neckar-Vlaams-Brabant.docx');
    const { text, lines, media } = await parts(file.body);
    expect(lines).toContain('Arbeitsplan 2027 | Jaarplan 2027');
    for (const h of ['Einleitung | Inleiding', 'Übersicht | Overzicht', 'Maßnahmen | Acties', 'Zustimmungen | Goedkeuringen', 'Beschreibung | Omschrijving'])
      expect(lines).toContain(h);
    // column headers stack both languages, once where they agree
    for (const h of ['Kooperationsbereich', 'Samenwerkingsdomein', 'Verantwortlich', 'Verantwoordelijke', 'Zieltermin', 'Streefdatum', 'Titel']) expect(lines).toContain(h);
    expect(lines.filter((l) => l === 'Titel')).toHaveLength(1);
    expect(lines).toContain('1. Delegationsreise Life Sciences nach Leuven');
    expect(lines).toContain('2. Gemeinsame Veranstaltung in Brüssel');
    expect(lines).toContain('Gesundheit und Lebenswissenschaften / Gezondheid en levenswetenschappen');
    expect(lines).toContain('Wirtschaftsdelegationsreisen / Economische missies');
    expect(lines).toContain('2. Quartal 2027 / K2 2027');
    expect(lines).toContain('2027-10-12');
    expect(lines).toContain('in Arbeit / lopend');
    expect(lines).toContain('LIFEBRIDGE (Eingereicht / Ingediend)');
    expect(lines).toContain('2027-04-20 Mission Leuven');
    expect(lines).toContain('Besuch bei KU Leuven und Leuven MindGate.');
    expect(lines).toContain('Gemeinsamer Arbeitsplan für 2027.');
    expect(text).toContain('Status: vorgelegt / voorgelegd');
    expect(text).toContain('Fassung | Versie: 2');
    expect(lines).toContain('Jörg Müller');
    expect(lines).toContain('noch nicht zugestimmt / nog niet goedgekeurd');
    expect(media).toEqual([]);
  });

  it('says so when nothing is planned, and falls back to English for a partnership in French', async () => {
    const file = await workPlanDocument(workPlan({ items: [], languages: ['fr'], introduction: null }));
    expect(file.filename).toBe('Work-plan-2027-Rhein-Neckar-Vlaams-Brabant.docx');
    const { lines } = await parts(file.body);
    expect(lines).toContain('Work plan 2027');
    expect(lines).toContain('No actions planned yet.');
    expect(lines).not.toContain('Introduction');
  });
});

describe('the evaluation document', () => {
  it('has the figures, each chart as a PNG with its table, the assessments and the sections in German and Dutch', async () => {
    const file = await evaluationDocument(evaluation());
    expect(file.filename).toBe('Evaluierung-Evaluatie-2026-Rhein-Neckar-Vlaams-Brabant.docx');
    const { text, lines, media, images } = await parts(file.body);
    expect(lines).toContain('Evaluierung 2026 | Evaluatie 2026');
    for (const h of [
      'Kennzahlen | Kerncijfers',
      'Aktivitäten nach Art | Activiteiten per soort',
      'Aktivitäten nach Gastregion | Activiteiten per gastregio',
      'Teilnehmende nach Region | Deelnemers per regio',
      'Projektideen nach Phase | Projectideeën per fase',
      'Bewertung des Arbeitsplans | Beoordeling van het jaarplan',
      'Ergebnisse | Resultaten',
      'Herausforderungen | Uitdagingen',
      'Nächste Schritte | Volgende stappen'
    ])
      expect(lines).toContain(h);
    // the key figures
    expect(lines).toContain('23');
    expect(lines).toContain('5 (22 %)');
    expect(lines).toContain('61');
    expect(lines).toContain('4,3 (40)');
    expect(lines).toContain('7 / 10 (70 %)');
    expect(lines).toContain('12.345,67 €');
    expect(lines).toContain('2 / 3 (67 %)');
    // the tables behind the charts, value labels in both languages where known
    expect(lines).toContain('Delegationsreise / Economische missie');
    expect(lines).toContain('14');
    expect(lines).toContain('Bewilligt / Goedgekeurd');
    // a domain by the labels the API sent, a kind and a "none" key (figures frozen without labels) by the label tables
    expect(lines).toContain('Mobilität und Logistik / Mobiliteit en logistiek');
    expect(lines).toContain('Unternehmen / Bedrijf');
    expect(lines).toContain('Keine Gastregion / Geen gastregio');
    expect(text).not.toContain('No host region');
    expect(lines).toContain('Rhein-Neckar');
    expect(lines).toContain('Interreg NWE');
    expect(lines).toContain('Gesamt / Totaal');
    // an empty tally says so instead of drawing a chart
    const emptyAt = lines.indexOf('Organisationen nach Region | Organisaties per regio');
    expect(lines[emptyAt + 1]).toBe('Keine erfasst. / Geen geregistreerd.');
    // assessments and sections
    expect(lines).toContain('Konferenz Kreislaufwirtschaft');
    expect(lines).toContain('teilweise erreicht / gedeeltelijk bereikt');
    expect(lines).toContain('Nur 60 Teilnehmende.');
    expect(lines).toContain('Sechs Projektvorschläge, zwei bewilligt.');
    expect(lines).toContain('Volgende stappen: jaarplan 2027.');
    expect(text).toContain('Kennzahlen, wie bei der Beschlussfassung festgeschrieben | Kerncijfers zoals vastgelegd bij de vaststelling: 2026-11-28');
    // eight charts (one tally is empty), each a PNG drawn at twice 640 px wide
    expect(media).toHaveLength(8);
    for (const png of images) {
      const size = pngSize(png);
      expect(size.width).toBe(1280);
      expect(size.height).toBeGreaterThan(150);
      expect(size.height).toBeLessThan(1000);
      expect(png.length).toBeGreaterThan(5_000);
    }
  });

  it('draws no chart and no figure it does not have', async () => {
    const empty = evaluation();
    const figures = {
      ...empty.figures,
      activities: { total: 0, byType: [], byDomain: [], byHostRegion: [], political: { count: 0, share: null } },
      participants: { total: 0, byKind: [], byRegion: [], organisations: { total: 0, byKind: [], byRegion: [] } },
      feedback: { responses: 0, average: null },
      followUps: { total: 0, done: 0, rate: null },
      costs: { spentCents: 0, budgetCents: null, share: null },
      proposals: { total: 0, byStage: [], byProgramme: [], decided: 0, approved: 0, approvalRate: null }
    };
    const file = await evaluationDocument({ ...empty, figures, figuresFrozenAt: null, assessments: [], sections: [], status: 'draft', adoptedAt: null, proposedAt: null });
    const { lines, media } = await parts(file.body);
    expect(media).toEqual([]);
    expect(lines).toContain('Keine Maßnahmen des Arbeitsplans zu bewerten. / Geen acties van het jaarplan te beoordelen.');
    expect(lines).toContain('Kennzahlen aus den erfassten Daten berechnet | Kerncijfers berekend uit de registraties');
    expect(lines.filter((l) => l === 'Keine erfasst. / Geen geregistreerd.')).toHaveLength(9);
  });
});

describe('the charts', () => {
  it('escape labels and scale bars to the largest count', () => {
    const svg = barChartSvg({ title: 'A & B <test>', tallies: [tally('a', 'Ärzte & <Pflege>', 10), tally('b', 'B', 5), tally('c', 'C', 0)] });
    expect(svg).toContain('A &amp; B &lt;test&gt;');
    expect(svg).toContain('Ärzte &amp; &lt;Pflege&gt;');
    const widths = [...svg.matchAll(/<rect x="\d+" y="\d+" width="(\d+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(3);
    expect(widths[0]).toBe(widths[1]! * 2);
    expect(widths[2]).toBe(0);
  });

  it('wrap a long label onto further lines of its row instead of cutting it', () => {
    const long = 'Regionale Gebietskörperschaft / Regionale overheid / Regional authority';
    const svg = barChartSvg({ title: 'T', tallies: [tally('a', long, 3), tally('b', 'B', 1)] });
    expect(svg).not.toContain('…');
    const spans = [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]);
    expect(spans.slice(0, -1).join(' ')).toBe(long);
    expect(spans.length).toBeGreaterThan(2);
    expect(chartHeight('T', [{ label: long }, { label: 'B' }])).toBeGreaterThan(chartHeight('T', [{ label: 'A' }, { label: 'B' }]));
  });

  it('render to a PNG at twice the size, with text drawn', async () => {
    const image = await barChartPng({ title: 'Test', tallies: [tally('a', 'Delegationsreise', 7)] });
    expect(pngSize(image.png)).toEqual({ width: image.width * 2, height: image.height * 2 });
    const blank = await barChartPng({ title: '', tallies: [tally('a', '', 7)] });
    // the labelled chart has more ink than the same chart without text
    expect(image.png.length).toBeGreaterThan(blank.png.length);
  });
});
