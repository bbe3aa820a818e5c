/**
 * Seeds the RegioWIN 2030 lighthouse-project scoring matrix of seed 002
 * ("Wertungsschemata zur Bewertungsmatrix Leuchtturmprojekte", Metropolregion
 * Rhein-Neckar) for every database, available to everyone (no partnership):
 * criteria 5–23 in groups a)–i), each with three described levels worth 1,
 * 3 and 5 points. Titles are the seed's German with an English translation
 * in parentheses; level descriptions are the seed's German (typos of the
 * sheet corrected: "Resultate", "schlüssig stimmige"). The title of
 * criterion 9 breaks off in the seed ("… inkl. Kalrheit über die V"); it
 * is kept up to that point.
 *
 * Weights: the sheet gives no weight per criterion, so each weighs 1. The
 * "Faktor 1,5" of seed 002 belongs to a chapter of the regional development
 * concept (chapter 4, 0–6 points), not to a lighthouse-project criterion;
 * a chapter weight like it can be set per group or criterion on a matrix of
 * one's own.
 *
 * Stable ids (`scoring-regiowin-2030-ltp`, criteria `…-c05` to `…-c23`) so
 * exports, imports and tests can name them. Frozen in time: never import
 * application code here.
 */
import type { Kysely } from 'kysely';

export const MATRIX_ID = 'scoring-regiowin-2030-ltp';

type Levels = [string, string, string];

interface Group {
  code: string;
  title: string;
  criteria: [number, string, Levels][];
}

const groups: Group[] = [
  {
    code: 'a',
    title: 'Gesamteindruck der Maßnahme, Inhalt und Beschreibung (Overall impression of the measure, content and description)',
    criteria: [
      [
        5,
        'Nachvollziehbarkeit und Schlüssigkeit der Maßnahme, Stringenz und Konsistenz (Comprehensibility and coherence of the measure, stringency and consistency)',
        [
          'Nicht gemäß vorgegebener Struktur gegliedert, Umfang der Angaben nicht angemessen, geforderte Angaben fehlen oder sind nicht nachvollziehbar dargestellt; Argumentation lückenhaft, Argumentationsketten nicht auch über die Einzelkapitel hinweg auf einander abgestimmt',
          'Gemäß vorgegebener Struktur gegliedert, angemessener Umfang der Angaben, geforderte Angaben auffindbar jedoch nicht nachvollziehbar dargestellt; Einigermaßen schlüssige Argumentation, teilweise auch über die Einzelkapitel hinweg auf einander abgestimmte Argumentationsketten',
          'Gemäß vorgegebener Struktur gegliedert, angemessener Umfang der Angaben, geforderte Angaben leicht auffindbar und gut nachvollziehbar dargestellt, schlüssig stimmige Argumentation, auch über die Einzelkapitel hinweg auf einander abgestimmte Argumentationsketten'
        ]
      ]
    ]
  },
  {
    code: 'b',
    title: 'Finanzierung und ökonomische Nachhaltigkeit (Financing and economic sustainability)',
    criteria: [
      [
        6,
        'Finanzierbarkeit der Maßnahme (Financial feasibility of the measure)',
        ['Kostenplan nicht aussagekräftig, Finanzierung unklar', 'Kostenplan rudimentär, Finanzierung gesichert durch Beschlüsse', 'Kostenplan sehr aussagekräftig, Finanzierung gesichert durch Beschlüsse']
      ],
      [
        7,
        'Angemessener Mitteleinsatz (Appropriate use of funds)',
        [
          'Angemessenheit des Mitteleinsatzes in Bezug auf die erwarteten Ergebnisse und Wirkungen nicht dargestellt bzw. keine Kennzahlen verwendet',
          'Angemessenheit des Mitteleinsatzes in Bezug auf die erwarteten Ergebnisse und Wirkungen rudimentär dargestellt bzw. keine Kennzahlen verwendet',
          'Angemessenheit des Mitteleinsatzes in Bezug auf die erwarteten Ergebnisse und Wirkungen sehr aussagekräftig dargestellt bzw. Kennzahlen verwendet'
        ]
      ]
    ]
  },
  {
    code: 'c',
    title: 'Projektmanagement und Umsetzung (Project management and implementation)',
    criteria: [
      [
        8,
        'Fachlichkeit Projektträger/Partner (Expertise of the lead and partners)',
        [
          'Fachliche Kompetenzen des Projektträgers und seiner Kooperationspartner in Bezug auf das Projekt nicht aussagekräftig beschrieben, keine vergleichbaren Referenzen angegeben',
          'Fachliche Kompetenzen des Projektträgers und seiner Kooperationspartner in Bezug auf das Projekt stichpunktartig beschrieben, vergleichbare Referenzen angegeben',
          'Fachliche Kompetenzen des Projektträgers und seiner Kooperationspartner in Bezug auf das Projekt sehr aussagekräftig beschrieben, vergleichbare Referenzen angegeben'
        ]
      ],
      [
        9,
        'Planungs-/Entscheidungsstand (Planning and decision maturity)',
        [
          'Früher Planungs-/Entscheidungsstand, Verzögerungen von über einem Jahr bis Antragsreife bzw. Umsetzung möglich',
          'Fortgeschrittener Planungs-/Entscheidungsstand, Verzögerungen von bis zu einem Jahr bis Antragsreife bzw. Umsetzung möglich',
          'Weit fortgeschrittener Planungs-/Entscheidungsstand, antragsreif bzw. Umsetzung sofort nach Antragstellung möglich'
        ]
      ],
      [
        10,
        'Darstellung Projektmanagement und Eigenmittel (Project management and own funds)',
        [
          'Die vorhandenen oder geplanten internen und externen personellen Projektmanagement-Ressourcen nicht dargestellt. Finanzierung des Eigenanteils am berechneten Gesamtetat nicht schlüssig erläutert.',
          'Die vorhandenen oder geplanten internen und externen personellen Projektmanagement-Ressourcen stichpunktartig dargestellt. Finanzierung des Eigenanteils am berechneten Gesamtetat schlüssig erläutert.',
          'Die vorhandenen oder geplanten internen und externen personellen Projektmanagement-Ressourcen sehr aussagekräftig dargestellt. Finanzierung des Eigenanteils am berechneten Gesamtetat schlüssig erläutert und gesichert.'
        ]
      ]
    ]
  },
  {
    code: 'd',
    title: 'Innovationsorientierung (Innovation orientation)',
    criteria: [
      [
        11,
        'Formen/Ansätze von Innovation (Forms of and approaches to innovation)',
        [
          'Formen/Ansätze von Innovation durch das Projekt nicht hinreichend dargestellt',
          'Formen/Ansätze von Innovation durch das Projekt stichpunktartig dargestellt',
          'Formen/Ansätze von Innovation durch das Projekt sehr aussagekräftig dargestellt'
        ]
      ],
      [
        12,
        'Beitrag zu den Zukunftsfeldern des Landes (Contribution to the state’s future fields)',
        [
          'Beitrag zu den Zukunftsfeldern des Landes nicht erkennbar',
          'Beitrag zu den Zukunftsfeldern des Landes stichpunktartig dargestellt',
          'Beitrag zu den Zukunftsfeldern des Landes sehr aussagekräftig dargestellt'
        ]
      ],
      [
        13,
        'Zuordnung zu einem spezifischen Ziel gemäß Leitfaden (Assignment to a specific objective of the guidelines)',
        [
          'Zuordnung zu einem spezifischen Ziel nicht dargestellt',
          'Zuordnung zu einem spezifischen Ziel stichpunktartig dargestellt',
          'Zuordnung zu einem spezifischen Ziel sehr aussagekräftig dargestellt'
        ]
      ]
    ]
  },
  {
    code: 'e',
    title: 'Sichtbarkeit und Bürgernähe (Visibility and closeness to citizens)',
    criteria: [
      [
        14,
        'Sichtbarkeit und Wahrnehmung der Projekte bei den Bürgern (Visibility of the project to citizens)',
        [
          'Es ist nur rudimentär dargestellt, mit welchen Angeboten das Projekt für die Bürgerinnen und Bürger sichtbar und erlebbar gemacht werden soll.',
          'Es ist nachvollziehbar dargestellt, mit welchen Angeboten das Projekt für die Bürgerinnen und Bürger sichtbar gemacht werden soll in den Phasen der Projekterarbeitung, Projektumsetzung und Projektbetreibung.',
          'Es ist nachvollziehbar dargestellt, mit welchen Angeboten das Projekt für die Bürgerinnen und Bürger sichtbar und erlebbar gemacht werden soll in den Phasen der Projekterarbeitung, Projektumsetzung und Projektbetreibung.'
        ]
      ]
    ]
  },
  {
    code: 'f',
    title: 'Ökologische Nachhaltigkeit (Environmental sustainability)',
    criteria: [
      [
        15,
        'Beitrag zum Querschnittsziel „Nachhaltige Entwicklung“ (Contribution to the horizontal objective “sustainable development”)',
        [
          'Neutrale Gesamtwirkung beim Querschnittsziel „Nachhaltige Entwicklung“',
          'Positive Gesamtwirkung beim Querschnittsziel „Nachhaltige Entwicklung“ stichpunktartig dargestellt',
          'Positive Gesamtwirkung beim Querschnittsziel „Nachhaltige Entwicklung“ sehr aussagekräftig dargestellt'
        ]
      ],
      [
        16,
        'Umwelt- und Klimarelevanz des Projekts (Environmental and climate relevance)',
        ['Umwelt- und Klimarelevanz des Projekts nicht begründet', 'Umwelt- und Klimarelevanz des Projekts stichpunktartig begründet', 'Umwelt- und Klimarelevanz des Projekts sehr aussagekräftig begründet']
      ],
      [
        17,
        'Grüne Schwerpunktthemen des EFRE-Programms (Green priority themes of the ERDF programme)',
        [
          'Das Projekt geht auf keines der grünen Schwerpunktthemen des EFRE-Programms ein',
          'Das Projekt geht auf eines der grünen Schwerpunktthemen des EFRE-Programms - die Verbesserung der Ressourceneffizienz, die Nutzung von Bioressourcen, die Weiterentwicklung der Bioökonomie, der Ausbau der Kreislaufwirtschaft, die nachhaltige Mobilität sowie ein hoher Beitrag zum Klimaschutz - ein',
          'Das Projekt geht auf mehrere der grünen Schwerpunktthemen des EFRE-Programms - die Verbesserung der Ressourceneffizienz, die Nutzung von Bioressourcen, die Weiterentwicklung der Bioökonomie, der Ausbau der Kreislaufwirtschaft, die nachhaltige Mobilität sowie ein hoher Beitrag zum Klimaschutz - ein'
        ]
      ]
    ]
  },
  {
    code: 'g',
    title: 'Europäischer Mehrwert (European added value)',
    criteria: [
      [
        18,
        'Mehrwerte über die Region hinaus, z. B. auf Landes-, Bundesebene oder für die EU (Added value beyond the region, e.g. for the state, the country or the EU)',
        [
          'Mehrwerte über die Region hinaus auf Landes-, Bundesebene bzw. für die EU nicht dargestellt',
          'Mehrwerte über die Region hinaus auf Landes-, Bundesebene bzw. für die EU stichpunktartig dargestellt',
          'Mehrwerte über die Region hinaus auf Landes-, Bundesebene bzw. für die EU sehr aussagekräftig dargestellt'
        ]
      ]
    ]
  },
  {
    code: 'h',
    title: 'Zielorientierung (Goal orientation)',
    criteria: [
      [
        19,
        'Untersetzt wesentliche Ziele des Konzepts (Underpins essential goals of the concept)',
        [
          'Untersetzt wesentliche Ziele des Konzeptes, Bedarf und Ziel aus der Analyse und den operationalisierten Teilzielen nicht begründet, fehlender Bezug zum Entwicklungskonzept',
          'Untersetzt wesentliche Ziele des Konzeptes, Bedarf und Ziel aus der Analyse und den operationalisierten Teilzielen stichpunktartig begründet',
          'Untersetzt wesentliche Ziele des Konzeptes, Bedarf und Ziel aus der Analyse und den operationalisierten Teilzielen sehr aussagekräftig begründet'
        ]
      ],
      [
        20,
        'Ergebnisse und Wirkungen (Results and impact)',
        [
          'Materielle Resultate, Ergebnisse und Wirkungen des Projekts dargestellt, Outputindikatoren angegeben, Beitrag zu einem oder wenigen Zielen von einem Handlungsfeld',
          'Materielle Resultate, Ergebnisse und Wirkungen des Projekts dargestellt, Outputindikatoren angegeben, Beitrag zu mehreren Zielen von einem Handlungsfeld',
          'Materielle Resultate, Ergebnisse und Wirkungen des Projekts dargestellt, Outputindikatoren angegeben, Beitrag zu mehreren Zielen von mehr als einem Handlungsfeld'
        ]
      ]
    ]
  },
  {
    code: 'i',
    title: 'Strategische Bedeutung des Projektes für die Region (Strategic importance of the project for the region)',
    criteria: [
      [21, 'Regionale Strahlkraft (Regional reach)', ['Gebietskörperschaft', 'Region, in andere BW-Gebietskörperschaften der Region', 'Ganze Region oder gar darüber hinaus']],
      [
        22,
        'Zukunftspotenzial (Future potential)',
        [
          'Rolle hinsichtlich der beabsichtigten Wirkungen mittel- bis langfristig: Eine Aktivität von vielen; Katalysatorfunktion nicht dargestellt',
          'Rolle hinsichtlich der beabsichtigten Wirkungen mittel- bis langfristig: Aktivität mit Ankerfunktion, hohe Bedeutung; Katalysatorfunktion ansatzweise beschrieben',
          'Rolle hinsichtlich der beabsichtigten Wirkungen mittel- bis langfristig: Schlüsselfunktion, überragende Bedeutung; Katalysatorfunktion überzeugend dargestellt'
        ]
      ],
      [
        23,
        'Dauerhaftigkeit (Durability)',
        [
          'Es ist nicht geplant, das Projekt nach Förderung fortzuführen',
          'Fortführung avisiert und erscheint auch als wahrscheinlich machbar',
          'Fortführung gesichert bzw. Argumentation lässt auf sehr hohe Wahrscheinlichkeit schließen'
        ]
      ]
    ]
  }
];

export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('scoring_matrices')
    .values({
      id: MATRIX_ID,
      name: 'RegioWIN 2030 – Bewertungsmatrix Leuchtturmprojekte (lighthouse projects)',
      description:
        'Wertungsschemata zur Bewertungsmatrix Leuchtturmprojekte, RegioWIN Metropolregion Rhein-Neckar (seed 002): Kriterien 5–23 in den Gruppen a)–i), je drei Stufen mit 1, 3 oder 5 Punkten; jedes Kriterium mit Faktor 1. (Scoring scheme for lighthouse projects: criteria 5–23 in groups a–i, three levels worth 1, 3 or 5 points; every criterion weighs 1.)',
      partnership_id: null
    })
    .execute();
  let position = 0;
  const rows = groups.flatMap((group) =>
    group.criteria.map(([number, title, levels]) => ({
      id: `${MATRIX_ID}-c${String(number).padStart(2, '0')}`,
      matrix_id: MATRIX_ID,
      position: position++,
      group_code: group.code,
      group_title: group.title,
      number,
      title,
      weight: '1',
      levels: JSON.stringify(levels.map((description, i) => ({ points: [1, 3, 5][i], description })))
    }))
  );
  await db.insertInto('scoring_criteria').values(rows).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('scoring_criteria').where('matrix_id', '=', MATRIX_ID).execute();
  await db.deleteFrom('scoring_matrices').where('id', '=', MATRIX_ID).execute();
}
