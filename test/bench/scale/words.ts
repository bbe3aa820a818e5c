/**
 * Word lists for realistic names, drawn from the public seed documents
 * (/work/shared/seeds: the Rhein-Neckar and Berlin-Brandenburg minutes and
 * agreements) and the demo fixtures: German, Dutch and English names of
 * authorities, universities, agencies, clusters and companies.
 *
 * Weights are chosen so that, at 100,000 organisations, a word like "tech"
 * (Technologiezentrum, Technische Hochschule, Medizintechnik, … Tech B.V.)
 * matches thousands of names, and a rare place ("Wiesenburg") only a few dozen.
 */

export type Language = 'de' | 'nl' | 'en';

export interface RegionWords {
  name: string;
  country: string;
  nuts: string;
  language: Language;
  /** how many organisations come from here, relatively */
  weight: number;
  places: readonly (readonly [string, number])[];
}

export const REGIONS: readonly RegionWords[] = [
  { name: 'Rhein-Neckar', country: 'DE', nuts: 'DE12', language: 'de', weight: 12, places: [['Mannheim', 6], ['Heidelberg', 5], ['Ludwigshafen', 4], ['Speyer', 2], ['Weinheim', 2], ['Schwetzingen', 1], ['Mosbach', 1], ['Sinsheim', 1], ['Schönau', 0.3]] },
  { name: 'Berlin-Brandenburg', country: 'DE', nuts: 'DE4', language: 'de', weight: 9, places: [['Potsdam', 5], ['Berlin', 7], ['Luckenwalde', 1], ['Ludwigsfelde', 1], ['Bad Belzig', 0.6], ['Brandenburg an der Havel', 1.5], ['Teltow', 1], ['Wiesenburg', 0.08]] },
  { name: 'Südhessen', country: 'DE', nuts: 'DE71', language: 'de', weight: 6, places: [['Darmstadt', 5], ['Bensheim', 1], ['Heppenheim', 1], ['Groß-Gerau', 1], ['Dieburg', 0.7]] },
  { name: 'Karlsruhe', country: 'DE', nuts: 'DE122', language: 'de', weight: 5, places: [['Karlsruhe', 5], ['Bruchsal', 1], ['Ettlingen', 1], ['Rastatt', 1]] },
  { name: 'Oberbayern', country: 'DE', nuts: 'DE21', language: 'de', weight: 5, places: [['München', 7], ['Ingolstadt', 2], ['Rosenheim', 1.5], ['Freising', 1]] },
  { name: 'Köln', country: 'DE', nuts: 'DEA2', language: 'de', weight: 5, places: [['Köln', 6], ['Bonn', 4], ['Leverkusen', 2], ['Aachen', 3]] },
  { name: 'Vlaams-Brabant', country: 'BE', nuts: 'BE24', language: 'nl', weight: 7, places: [['Leuven', 6], ['Vilvoorde', 2], ['Halle', 1.5], ['Tienen', 1], ['Aarschot', 1], ['Diest', 1], ['Pajottenland', 0.5], ['Hageland', 0.5]] },
  { name: 'Antwerpen', country: 'BE', nuts: 'BE21', language: 'nl', weight: 5, places: [['Antwerpen', 6], ['Mechelen', 3], ['Turnhout', 1.5], ['Geel', 1]] },
  { name: 'Oost-Vlaanderen', country: 'BE', nuts: 'BE23', language: 'nl', weight: 4, places: [['Gent', 6], ['Aalst', 2], ['Sint-Niklaas', 1.5], ['Oudenaarde', 1]] },
  { name: 'Noord-Brabant', country: 'NL', nuts: 'NL41', language: 'nl', weight: 7, places: [['Eindhoven', 6], ['Tilburg', 4], ['Breda', 4], ['’s-Hertogenbosch', 3], ['Helmond', 2]] },
  { name: 'Gelderland', country: 'NL', nuts: 'NL22', language: 'nl', weight: 5, places: [['Arnhem', 4], ['Nijmegen', 4], ['Apeldoorn', 2], ['Ede', 1.5], ['Wageningen', 1.5]] },
  { name: 'Zuid-Holland', country: 'NL', nuts: 'NL33', language: 'nl', weight: 6, places: [['Rotterdam', 6], ['Den Haag', 5], ['Delft', 3], ['Leiden', 3], ['Dordrecht', 1.5]] },
  { name: 'Limburg (NL)', country: 'NL', nuts: 'NL42', language: 'nl', weight: 3, places: [['Maastricht', 4], ['Venlo', 2], ['Heerlen', 2], ['Sittard', 1]] },
  { name: 'Oberösterreich', country: 'AT', nuts: 'AT31', language: 'de', weight: 4, places: [['Linz', 5], ['Wels', 2], ['Steyr', 1.5]] },
  { name: 'Steiermark', country: 'AT', nuts: 'AT22', language: 'de', weight: 3, places: [['Graz', 5], ['Leoben', 1.5], ['Weiz', 1]] },
  { name: 'Luxembourg', country: 'LU', nuts: 'LU00', language: 'en', weight: 2, places: [['Luxembourg', 5], ['Esch-sur-Alzette', 2]] },
  { name: 'Hovedstaden', country: 'DK', nuts: 'DK01', language: 'en', weight: 2, places: [['Copenhagen', 5], ['Hillerød', 1]] },
  { name: 'Skåne', country: 'SE', nuts: 'SE22', language: 'en', weight: 2, places: [['Malmö', 4], ['Lund', 3], ['Helsingborg', 2]] },
  { name: 'Dolnośląskie', country: 'PL', nuts: 'PL51', language: 'en', weight: 2, places: [['Wrocław', 5], ['Legnica', 1]] },
  { name: 'Jihomoravský kraj', country: 'CZ', nuts: 'CZ064', language: 'en', weight: 2, places: [['Brno', 5], ['Znojmo', 1]] },
  { name: 'Southern and Eastern', country: 'IE', nuts: 'IE05', language: 'en', weight: 2, places: [['Cork', 4], ['Limerick', 2], ['Waterford', 1.5]] },
  { name: 'Emilia-Romagna', country: 'IT', nuts: 'ITH5', language: 'en', weight: 2, places: [['Bologna', 5], ['Modena', 2], ['Parma', 2]] },
  { name: 'Cataluña', country: 'ES', nuts: 'ES51', language: 'en', weight: 2, places: [['Barcelona', 5], ['Girona', 1.5], ['Tarragona', 1.5]] },
  { name: 'Grand Est', country: 'FR', nuts: 'FRF', language: 'en', weight: 2, places: [['Strasbourg', 5], ['Mulhouse', 2], ['Colmar', 1.5]] }
];

/** Fields of work, in each language, for names like "Forschungszentrum Energietechnik". */
export const FIELDS: Record<Language, readonly (readonly [string, number])[]> = {
  de: [['Medizintechnik', 3], ['Energietechnik', 3], ['Umwelttechnik', 2], ['Informationstechnik', 2], ['Digitalisierung', 4], ['Mobilität', 4], ['Logistik', 3], ['Biotechnologie', 2], ['Kreislaufwirtschaft', 2], ['Gesundheit', 3], ['Tourismus', 2], ['Landwirtschaft', 2], ['Kultur', 2], ['Smart City', 2], ['Künstliche Intelligenz', 2], ['Wasserstoff', 2], ['Klimaschutz', 3], ['Raumplanung', 1], ['Sozialwirtschaft', 1], ['Kreativwirtschaft', 1]],
  nl: [['Medische technologie', 2], ['Energietransitie', 3], ['Milieutechniek', 1], ['Digitalisering', 4], ['Mobiliteit', 4], ['Logistiek', 3], ['Biotechnologie', 2], ['Circulaire economie', 3], ['Gezondheid', 3], ['Toerisme', 2], ['Landbouw', 2], ['Voeding', 2], ['Cultuur', 2], ['Slimme stad', 2], ['Artificiële intelligentie', 2], ['Waterstof', 2], ['Klimaat', 3], ['Ruimtelijke ordening', 1], ['Sociale economie', 1]],
  en: [['Medical Technology', 2], ['Energy', 4], ['Clean Technology', 2], ['Digital Innovation', 4], ['Mobility', 4], ['Logistics', 3], ['Life Sciences', 3], ['Circular Economy', 3], ['Health', 3], ['Tourism', 2], ['Agrifood', 2], ['Culture', 2], ['Smart Cities', 2], ['Artificial Intelligence', 2], ['Hydrogen', 2], ['Climate', 3], ['Regional Planning', 1], ['Social Economy', 1]]
};

export const SURNAMES: Record<Language, readonly string[]> = {
  de: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Schäfer', 'Koch', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Braun', 'Zimmermann', 'Krüger', 'Hartmann', 'Lange', 'Werner', 'Krause', 'Lehmann', 'Köhler', 'Wellmann', 'Brandstätter', 'Rettig', 'Guntermann', 'Boldt', 'Siebert', 'Sinemus', 'Partsch'],
  nl: ['Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet', 'Dubois', 'Vermeulen', 'De Jong', 'Jansen', 'De Vries', 'Van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'De Boer', 'Mulder', 'Bos', 'Vos', 'Hendriks', 'Van Dijk', 'Dekker', 'Verbruggen'],
  en: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Murphy', 'Kelly', 'Walsh', 'Byrne', 'Andersen', 'Nielsen', 'Larsson', 'Nowak', 'Kowalski', 'Novák', 'Rossi', 'Bianchi', 'Garcia', 'Martínez', 'Dupont', 'Moreau', 'Lefebvre', 'Schmit']
};

export const GIVEN_NAMES: Record<Language, readonly string[]> = {
  de: ['Katrin', 'Felix', 'Claudia', 'Sven', 'Alexander', 'Katja', 'Peter', 'Kristina', 'Jochen', 'Anna', 'Thomas', 'Julia', 'Michael', 'Sabine', 'Stefan', 'Andrea', 'Markus', 'Birgit', 'Jan', 'Lena', 'Matthias', 'Susanne', 'Tobias', 'Miriam'],
  nl: ['Pieter', 'Els', 'Jan', 'An', 'Koen', 'Sofie', 'Bart', 'Lies', 'Wim', 'Griet', 'Joris', 'Hanne', 'Tom', 'Inge', 'Dirk', 'Marijke', 'Sander', 'Femke', 'Ruben', 'Lotte'],
  en: ['James', 'Mary', 'Sean', 'Aoife', 'Lars', 'Ingrid', 'Piotr', 'Agnieszka', 'Jana', 'Tomáš', 'Marco', 'Giulia', 'Jordi', 'Núria', 'Pierre', 'Claire', 'Sarah', 'David']
};

export const FUNCTIONS: Record<Language, readonly string[]> = {
  de: ['Geschäftsführerin', 'Geschäftsführer', 'Projektmanagerin', 'Projektmanager', 'Referentin für Europa', 'Referent Internationales', 'Leiterin Innovation', 'Clustermanager', 'Bürgermeister', 'Landrätin', 'Wissenschaftliche Mitarbeiterin', 'Technologietransfer', 'Pressesprecherin'],
  nl: ['Directeur', 'Projectleider', 'Beleidsmedewerker Europa', 'Gedeputeerde', 'Burgemeester', 'Innovatiemanager', 'Onderzoeker', 'Clustermanager', 'Woordvoerder', 'Adviseur internationale samenwerking'],
  en: ['Director', 'Project Manager', 'EU Policy Officer', 'Head of Innovation', 'Researcher', 'Cluster Manager', 'Mayor', 'International Relations Officer', 'Communications Officer', 'Technology Transfer Officer']
};

/** Name patterns per organisation kind and language; {place}, {field}, {surname}, {surname2} are filled in. */
export const NAME_PATTERNS: Record<string, Record<Language, readonly (readonly [string, number])[]>> = {
  regional_authority: {
    de: [['Regierungspräsidium {place}', 2], ['Verband Region {place}', 2], ['Regionalverband {place}', 1]],
    nl: [['Provincie {place}', 2], ['Provinciaal Bestuur {place}', 2], ['Provinciale Ontwikkelingsmaatschappij {place}', 1]],
    en: [['{place} Regional Authority', 2], ['Regional Council of {place}', 1]]
  },
  municipality: {
    de: [['Stadt {place}', 5], ['Gemeinde {place}', 2], ['Landeshauptstadt {place}', 0.3]],
    nl: [['Stad {place}', 3], ['Gemeente {place}', 4]],
    en: [['City of {place}', 4], ['{place} City Council', 2]]
  },
  county: {
    de: [['Landkreis {place}', 4], ['Kreis {place}', 1]],
    nl: [['Intercommunale {place}', 2], ['Regio {place}', 2]],
    en: [['{place} County Council', 3]]
  },
  agency: {
    de: [['Wirtschaftsförderung {place}', 4], ['DigitalAgentur {place}', 2], ['Energieagentur {place}', 2], ['Klimaschutzagentur {place}', 2], ['Agentur für {field} {place}', 1]],
    nl: [['Ontwikkelingsmaatschappij {place}', 3], ['Agentschap {field} {place}', 2], ['Energiehuis {place}', 1]],
    en: [['{place} Development Agency', 3], ['{place} Energy Agency', 2], ['{place} Agency for {field}', 1]]
  },
  university_research: {
    de: [['Hochschule {place}', 3], ['Universität {place}', 2], ['Technische Hochschule {place}', 2], ['Fraunhofer-Institut für {field}', 1], ['Forschungszentrum {field} {place}', 2], ['Institut für {field}, Universität {place}', 2]],
    nl: [['Hogeschool {place}', 3], ['Universiteit {place}', 2], ['Kenniscentrum {field} {place}', 2], ['Onderzoeksinstituut {field} {place}', 1]],
    en: [['University of {place}', 3], ['{place} Institute of Technology', 2], ['{place} Research Centre for {field}', 2]]
  },
  company: {
    de: [['{surname} {field} GmbH', 3], ['{surname} & {surname2} GmbH', 2], ['{surname} Technik GmbH', 1], ['{place}er Stadtwerke AG', 0.5], ['{field} {place} GmbH', 2], ['{surname} Software SE', 0.5]],
    nl: [['{surname} {field} B.V.', 3], ['{surname} & {surname2} NV', 2], ['{place} Tech B.V.', 1], ['{field} {place} BV', 2]],
    en: [['{surname} {field} Ltd', 3], ['{surname} & {surname2} Ltd', 2], ['{place} Tech Solutions', 1], ['{field} {place} S.A.', 1]]
  },
  cluster_intermediary: {
    de: [['Technologiezentrum {place}', 3], ['Innovationszentrum {place}', 3], ['Gründerzentrum {place}', 2], ['{field}-Cluster {place}', 3], ['IHK {place}', 1]],
    nl: [['Kamer van Koophandel {place}', 2], ['Innovatiecentrum {place}', 2], ['Cluster {field} {place}', 3], ['Starterscentrum {place}', 1]],
    en: [['{place} Innovation Hub', 3], ['{place} {field} Cluster', 3], ['{place} Chamber of Commerce', 1], ['{place} Science Park', 1]]
  },
  ngo: {
    de: [['Zukunft {place} e.V.', 2], ['Verein für {field} {place} e.V.', 2], ['Bürgerstiftung {place}', 1], ['{field} {place} e.V.', 2]],
    nl: [['Stichting {field} {place}', 3], ['vzw {field} {place}', 2], ['Leader {place}', 1]],
    en: [['{place} {field} Foundation', 2], ['Friends of {place}', 1], ['{place} Community Trust', 1]]
  },
  network: {
    de: [['Netzwerk {field} {place}', 3], ['Arbeitskreis {field}', 1], ['Allianz {field} {place}', 1]],
    nl: [['Netwerk {field} {place}', 3], ['Platform {field}', 1]],
    en: [['{place} {field} Network', 3], ['European Network for {field}', 1]]
  }
};

/** Qualifiers that tell apart two organisations of the same name ("… – Standort Weinheim"). */
export const BRANCHES: Record<Language, readonly string[]> = {
  de: ['Standort', 'Niederlassung', 'Außenstelle', 'Büro', 'Campus'],
  nl: ['Vestiging', 'Campus', 'Kantoor', 'Afdeling'],
  en: ['Office', 'Branch', 'Campus']
};

export const KINDS: readonly (readonly [string, number])[] = [
  ['company', 35],
  ['university_research', 12],
  ['cluster_intermediary', 12],
  ['municipality', 12],
  ['agency', 10],
  ['ngo', 10],
  ['network', 4],
  ['county', 3],
  ['regional_authority', 2]
];

export const INTERACTION_KINDS: readonly (readonly [string, number])[] = [
  ['email', 40],
  ['call', 25],
  ['meeting', 20],
  ['note', 15]
];

export const SUMMARIES: readonly string[] = [
  'Talked about a joint application on {field}.',
  'Sent the draft work plan item on {field} for comments.',
  'Meeting in {place}: next steps for the {field} exchange.',
  'Asked for a contact person for the delegation visit to {place}.',
  'Follow-up on the Interreg call: interested as a partner in {field}.',
  'Invitation to the matchmaking day in {place} forwarded.',
  'Shared the minutes of the working group {field}.',
  'Phone call: co-financing for the {field} pilot still open.',
  'Agreed to present at the annual meeting in {place}.',
  'Note: prefers contact by email, in English or German.'
];

/** Words of call titles; {field} is filled in from the English fields. */
export const CALL_TITLES: readonly string[] = [
  'Regional innovation ecosystems for {field}',
  'Cross-border cooperation in {field}',
  'Interregional innovation investments: {field}',
  'Pilot actions on {field} in rural areas',
  'Capacity building for public authorities in {field}',
  'Demonstrators for {field} in smart regions',
  'Skills partnerships for {field}',
  'Technology transfer in {field}'
];
