/**
 * The record of processing activities (Art. 30) as a Word file in the
 * reader's language (`?lang=en|de`, like the minutes): every section built
 * from the record the service generated, none of it fixed text but the
 * labels below.
 */
import type { ProcessingRecord } from '../schemas/processing-record.js';
import { heading, labelled, pack, table, title, type WordFile } from '../../platform/index.js';

export type ProcessingLanguage = 'en' | 'de';

type Record = ProcessingRecord;

const LABELS = {
  en: {
    title: 'Record of processing activities (GDPR Art. 30)',
    file: 'record-of-processing',
    generated: 'Generated',
    people: 'Categories of people',
    data: 'Categories of personal data',
    purposes: 'Purposes',
    bases: 'Lawful bases in use',
    recipients: 'Recipients: the partner regions',
    retention: 'Retention',
    measures: 'Technical and organisational measures',
    category: 'Category',
    fields: 'Fields in the data model',
    records: 'Records',
    count: 'Number',
    basis: 'Lawful basis',
    partnership: 'Partnership',
    region: 'Region',
    country: 'Country',
    organisation: 'Organisation',
    consentGiven: 'Consent standing',
    consentWithdrawn: 'Consent withdrawn (sent nothing)',
    reviewPeriod: 'Review period',
    months: (n: number) => `${n} months without interaction or participation`,
    due: 'People due for review now',
    noRecipients: 'No partnership with parties yet.',
    setting: 'Setting',
    personCategories: { stakeholders: 'Stakeholders (contacts at organisations)', participants: 'Participants in activities', users: 'Users (accounts)' },
    dataCategories: {
      identity: 'Identity and role',
      contact: 'Contact details (records with an e-mail address)',
      interests: 'Interests (cooperation domains)',
      interactions: 'Interactions logged with them',
      participations: 'Participation in activities',
      feedback: 'Feedback answers',
      consent: 'Consent history',
      accounts: 'User accounts',
      audit: 'Audit trail of changes'
    },
    purposeLabels: {
      cooperation: 'Interregional cooperation under the partnerships (agreements)',
      activities: 'Organising activities: delegation trips, exchanges, events, meetings',
      funding: 'Preparing EU funding applications (candidate projects)',
      annualCycle: 'The annual cycle: work plans and evaluations',
      accountability: 'Accountability: who changed what (audit events)'
    },
    bases_: { consent: 'Consent (Art. 6(1)(a))', contract: 'Contract (Art. 6(1)(b))', public_task: 'Public task (Art. 6(1)(e))', legitimate_interest: 'Legitimate interest (Art. 6(1)(f))' },
    measureLabels: {
      access: 'Access per partnership and role (administrator, officer, editor, viewer); what one may not see answers as if it did not exist',
      passwords: 'Passwords stored only as hashes',
      sessions: 'Sessions end after inactivity / in any case',
      signInThrottle: 'Failed sign-ins allowed per account / per address / within',
      cookies: 'Session cookie',
      audit: 'Every change recorded with who and when (events so far)',
      mailTransport: 'E-mail to users over an encrypted connection',
      singleSignOn: 'Single sign-on: accounts’ names and e-mail addresses come from this identity provider',
      retentionReview: 'Retention review after (months)',
      consentWithdrawal: 'Withdrawn consent recorded with when and how; the person is sent nothing'
    },
    none: 'not set'
  },
  de: {
    title: 'Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO)',
    file: 'verarbeitungsverzeichnis',
    generated: 'Erstellt',
    people: 'Kategorien betroffener Personen',
    data: 'Kategorien personenbezogener Daten',
    purposes: 'Zwecke',
    bases: 'Genutzte Rechtsgrundlagen',
    recipients: 'Empfänger: die Partnerregionen',
    retention: 'Speicherdauer',
    measures: 'Technische und organisatorische Maßnahmen',
    category: 'Kategorie',
    fields: 'Felder im Datenmodell',
    records: 'Datensätze',
    count: 'Anzahl',
    basis: 'Rechtsgrundlage',
    partnership: 'Partnerschaft',
    region: 'Region',
    country: 'Land',
    organisation: 'Organisation',
    consentGiven: 'Einwilligung besteht',
    consentWithdrawn: 'Einwilligung widerrufen (erhalten nichts)',
    reviewPeriod: 'Prüffrist',
    months: (n: number) => `${n} Monate ohne Kontakt oder Teilnahme`,
    due: 'Jetzt zu prüfende Personen',
    noRecipients: 'Noch keine Partnerschaft mit Parteien.',
    setting: 'Einstellung',
    personCategories: { stakeholders: 'Ansprechpersonen bei Organisationen', participants: 'Teilnehmende an Aktivitäten', users: 'Benutzer (Konten)' },
    dataCategories: {
      identity: 'Identität und Funktion',
      contact: 'Kontaktdaten (Datensätze mit E-Mail-Adresse)',
      interests: 'Interessen (Kooperationsbereiche)',
      interactions: 'Erfasste Kontakte',
      participations: 'Teilnahme an Aktivitäten',
      feedback: 'Feedback-Antworten',
      consent: 'Verlauf der Einwilligung',
      accounts: 'Benutzerkonten',
      audit: 'Änderungsprotokoll'
    },
    purposeLabels: {
      cooperation: 'Interregionale Zusammenarbeit im Rahmen der Partnerschaften (Vereinbarungen)',
      activities: 'Organisation von Aktivitäten: Delegationsreisen, Austausche, Veranstaltungen, Treffen',
      funding: 'Vorbereitung von EU-Förderanträgen (Projektideen)',
      annualCycle: 'Der Jahreszyklus: Arbeitspläne und Evaluierungen',
      accountability: 'Rechenschaft: wer was geändert hat (Protokolleinträge)'
    },
    bases_: { consent: 'Einwilligung (Art. 6 Abs. 1 lit. a)', contract: 'Vertrag (Art. 6 Abs. 1 lit. b)', public_task: 'Öffentliche Aufgabe (Art. 6 Abs. 1 lit. e)', legitimate_interest: 'Berechtigtes Interesse (Art. 6 Abs. 1 lit. f)' },
    measureLabels: {
      access: 'Zugriff je Partnerschaft und Rolle (Administration, Referent, Bearbeitung, Lesen); was man nicht sehen darf, antwortet wie nicht vorhanden',
      passwords: 'Passwörter nur als Hash gespeichert',
      sessions: 'Sitzungen enden nach Inaktivität / spätestens nach',
      signInThrottle: 'Erlaubte Fehlanmeldungen je Konto / je Adresse / innerhalb',
      cookies: 'Sitzungs-Cookie',
      audit: 'Jede Änderung mit Person und Zeitpunkt protokolliert (Einträge bisher)',
      mailTransport: 'E-Mail an Benutzer über verschlüsselte Verbindung',
      singleSignOn: 'Single Sign-on: Namen und E-Mail-Adressen der Konten stammen von diesem Identitätsanbieter',
      retentionReview: 'Prüfung der Speicherdauer nach (Monaten)',
      consentWithdrawal: 'Widerruf der Einwilligung mit Zeitpunkt und Weg erfasst; die Person erhält nichts'
    },
    none: 'nicht eingestellt'
  }
} as const;

function number(n: number, lang: ProcessingLanguage): string {
  return n.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB');
}

export async function processingRecordDocument(record: Record, lang: ProcessingLanguage): Promise<WordFile> {
  const l = LABELS[lang];
  const blocks = [
    title(l.title),
    labelled(l.generated, record.generatedAt.slice(0, 10)),
    heading(l.people),
    table([[l.category], [l.count]], record.categoriesOfPeople.map((c) => [l.personCategories[c.key], number(c.count, lang)]), [3, 1]),
    heading(l.data),
    table([[l.category], [l.fields], [l.records]], record.categoriesOfData.map((c) => [l.dataCategories[c.key], c.fields.join('\n'), number(c.count, lang)]), [3, 3, 1]),
    heading(l.purposes),
    table([[l.category], [l.records]], record.purposes.map((p) => [l.purposeLabels[p.key], number(p.count, lang)]), [4, 1]),
    heading(l.bases),
    table(
      [[l.basis], [l.count]],
      [
        ...record.lawfulBases.map((b) => [l.bases_[b.basis], number(b.count, lang)]),
        [l.consentGiven, number(record.consent.given, lang)],
        [l.consentWithdrawn, number(record.consent.withdrawn, lang)]
      ],
      [4, 1]
    ),
    heading(l.recipients),
    record.recipients.length
      ? table(
          [[l.partnership], [l.region], [l.country], [l.organisation]],
          record.recipients.flatMap((r) => r.parties.map((p, i) => [i === 0 ? r.title : '', p.region, p.country, p.organisation])),
          [3, 2, 1, 3]
        )
      : labelled(l.recipients, l.noRecipients),
    heading(l.retention),
    labelled(l.reviewPeriod, l.months(record.retention.months)),
    labelled(l.due, number(record.retention.dueForReview, lang)),
    heading(l.measures),
    table([[l.category], [l.setting]], record.measures.map((m) => [l.measureLabels[m.key], m.value ?? (m.key === 'mailTransport' || m.key === 'singleSignOn' ? l.none : '')]), [4, 2])
  ];
  return { filename: `${l.file}-${record.generatedAt.slice(0, 10)}.docx`, body: await pack(l.title, blocks) };
}
