/**
 * The programme catalogue every database starts with: the 2021–2027 EU
 * funding programmes the partners work with (seed 002, Art. 2.3 and the
 * committee text), their sub-programmes, two historic ones (COSME and the
 * FCH 2 JU, where the 2015–2020 proposals went) and Baden-Württemberg's
 * regional programmes. Users add more through /api/programmes.
 *
 * - Ids are stable (`programme-…`) so imports, fixtures and links can name
 *   them. Codes are the prefixes of the EU Funding & Tenders Portal's topic
 *   identifiers where the portal has one (HORIZON, DIGITAL, LIFE, ERASMUS,
 *   SMP, CERV, CREA, COSME, FCH2; `HORIZON-JTI-CLEANH2`), so an imported
 *   topic finds its programme by code.
 * - `cofinancing_rate` is the typical EU rate as a decimal string, only where
 *   the programme states one rate for its usual projects; where it varies
 *   (by action type, region category or call) it is null and the note says
 *   how. `source` names the document the figure comes from.
 * - Cut-offs: 17:00:00 Europe/Brussels for the portal's programmes; 12:00
 *   Brussels (the "12:00 CET" the Interreg programmes publish) for Interreg;
 *   16:00 Europe/Berlin for RegioWIN (seed 002: submission 18 Dec 2020,
 *   16:00). Where a programme publishes no usual hour (LEADER, ERDF,
 *   Walter-Hallstein-Programm) the portal default stands until someone
 *   edits it. Erasmus+ actions run by national agencies close at 12:00
 *   Brussels time; the portal's Erasmus+ topics at 17:00 — the catalogue
 *   keeps the portal's.
 * Frozen in time: never import application code here.
 */
import type { Kysely } from 'kysely';

type Seed = [
  id: string,
  code: string,
  name: string,
  family: string,
  parent: string | null,
  period: string,
  rate: string | null,
  note: string | null,
  source: string,
  cutOff: string,
  zone: string,
  historic?: boolean
];

const INTERREG_REG = 'Regulation (EU) 2021/1059 (Interreg), Art. 13';
const BXL = 'Europe/Brussels';

const CATALOGUE: Seed[] = [
  ['programme-interreg', 'INTERREG', 'Interreg (European territorial cooperation)', 'interreg', null, '2021-2027', null, 'Up to 80 % ERDF at programme level; each Interreg programme sets its own rate.', INTERREG_REG, '12:00:00', BXL],
  ['programme-interreg-a', 'INTERREG-A', 'Interreg A – cross-border cooperation', 'interreg', 'programme-interreg', '2021-2027', null, 'Each cross-border programme sets its rate.', INTERREG_REG, '12:00:00', BXL],
  ['programme-interreg-de-nl', 'INTERREG-DE-NL', 'Interreg Deutschland-Nederland', 'interreg', 'programme-interreg-a', '2021-2027', null, 'Set in the cooperation programme; check the current call.', 'Interreg Deutschland-Nederland cooperation programme 2021-2027', '12:00:00', 'Europe/Berlin'],
  ['programme-interreg-oberrhein', 'INTERREG-OBERRHEIN', 'Interreg Oberrhein / Rhin supérieur', 'interreg', 'programme-interreg-a', '2021-2027', null, 'Set in the cooperation programme; check the current call.', 'Interreg Oberrhein cooperation programme 2021-2027', '12:00:00', 'Europe/Paris'],
  ['programme-interreg-b', 'INTERREG-B', 'Interreg B – transnational cooperation', 'interreg', 'programme-interreg', '2021-2027', null, 'Each transnational programme sets its rate.', INTERREG_REG, '12:00:00', BXL],
  ['programme-interreg-nwe', 'INTERREG-NWE', 'Interreg North-West Europe', 'interreg', 'programme-interreg-b', '2021-2027', '0.60', 'ERDF 60 % of eligible costs.', 'Interreg NWE 2021-2027 cooperation programme and programme manual', '12:00:00', BXL],
  ['programme-interreg-c', 'INTERREG-C', 'Interreg C – interregional cooperation', 'interreg', 'programme-interreg', '2021-2027', null, 'Each interregional programme sets its rate.', INTERREG_REG, '12:00:00', BXL],
  ['programme-interreg-europe', 'INTERREG-EUROPE', 'Interreg Europe', 'interreg', 'programme-interreg-c', '2021-2027', '0.80', 'ERDF 80 % of eligible costs for partners from EU member states; Norwegian and Swiss partners are funded nationally.', 'Interreg Europe 2021-2027 programme manual', '12:00:00', BXL],
  ['programme-urbact', 'URBACT', 'URBACT IV', 'interreg', 'programme-interreg-c', '2021-2027', null, 'The ERDF rate depends on the category of region of each partner city.', 'URBACT IV programme manual', '12:00:00', BXL],
  ['programme-espon', 'ESPON', 'ESPON 2030', 'interreg', 'programme-interreg-c', '2021-2027', null, 'Mostly targeted analyses and service contracts, not grants with a co-financing rate.', 'ESPON 2030 cooperation programme', '12:00:00', BXL],
  ['programme-horizon-europe', 'HORIZON', 'Horizon Europe', 'horizon_europe', null, '2021-2027', null, 'Research and innovation actions and coordination and support actions 100 %; innovation actions 70 % (100 % for non-profit legal entities).', 'Regulation (EU) 2021/695 (Horizon Europe), Art. 34', '17:00:00', BXL],
  ['programme-clean-hydrogen', 'HORIZON-JTI-CLEANH2', 'Clean Hydrogen Partnership (Clean Hydrogen JU)', 'horizon_europe', 'programme-horizon-europe', '2021-2027', null, 'Horizon Europe rates: research and innovation actions 100 %, innovation actions 70 %.', 'Clean Hydrogen JU work programme; Regulation (EU) 2021/695, Art. 34', '17:00:00', BXL],
  ['programme-fch2-ju', 'FCH2', 'Fuel Cells and Hydrogen 2 Joint Undertaking (FCH 2 JU)', 'other', null, '2014-2020', null, 'Horizon 2020 rates: research and innovation actions 100 %, innovation actions 70 %. Continued by the Clean Hydrogen Partnership.', 'Regulation (EU) No 1291/2013 (Horizon 2020), Art. 28', '17:00:00', BXL, true],
  ['programme-erasmus-plus', 'ERASMUS', 'Erasmus+', 'erasmus_plus', null, '2021-2027', null, 'Mostly lump sums and unit costs that differ by action; no single rate.', 'Erasmus+ Programme Guide', '17:00:00', BXL],
  ['programme-life', 'LIFE', 'LIFE – Programme for the Environment and Climate Action', 'life', null, '2021-2027', '0.60', 'Standard action projects 60 % of eligible costs (more for some nature and biodiversity projects); other action types differ.', 'Regulation (EU) 2021/783 (LIFE), Art. 9', '17:00:00', BXL],
  ['programme-digital-europe', 'DIGITAL', 'Digital Europe Programme', 'digital_europe', null, '2021-2027', '0.50', 'Simple grants 50 %; other action types differ (see the work programme).', 'Digital Europe work programme (Regulation (EU) 2021/694)', '17:00:00', BXL],
  ['programme-single-market', 'SMP', 'Single Market Programme (successor of COSME)', 'single_market', null, '2021-2027', null, 'Set per call in the work programme.', 'Regulation (EU) 2021/690 (Single Market Programme)', '17:00:00', BXL],
  ['programme-cosme', 'COSME', 'COSME – Competitiveness of Enterprises and SMEs', 'cosme', null, '2014-2020', null, 'Set per call; continued by the Single Market Programme.', 'Regulation (EU) No 1287/2013 (COSME)', '17:00:00', BXL, true],
  ['programme-cerv', 'CERV', 'Citizens, Equality, Rights and Values (CERV)', 'cerv', null, '2021-2027', null, 'Set per call in the work programme.', 'Regulation (EU) 2021/692 (CERV)', '17:00:00', BXL],
  ['programme-creative-europe', 'CREA', 'Creative Europe', 'creative_europe', null, '2021-2027', null, 'European cooperation projects: 80 % (small scale), 70 % (medium scale), 60 % (large scale); other actions differ.', 'Creative Europe call documents (Regulation (EU) 2021/818)', '17:00:00', BXL],
  ['programme-eafrd-leader', 'EAFRD-LEADER', 'EAFRD / LEADER – rural development', 'eafrd_leader', null, '2023-2027', null, 'Set by each member state’s CAP strategic plan and the local action group.', 'Regulation (EU) 2021/2115 (CAP strategic plans)', '17:00:00', BXL],
  ['programme-erdf', 'ERDF', 'European Regional Development Fund (ERDF)', 'erdf', null, '2021-2027', null, '40 % to 85 % of eligible costs, depending on the category of region.', 'Regulation (EU) 2021/1060 (Common Provisions), Art. 112', '17:00:00', BXL],
  ['programme-regiowin-2030', 'REGIOWIN-2030', 'RegioWIN 2030 (ERDF Baden-Württemberg)', 'erdf', 'programme-erdf', '2021-2027', '0.40', 'ERDF rate 40 % of eligible costs plus 20 % from the state.', 'seed 002', '16:00:00', 'Europe/Berlin'],
  ['programme-walter-hallstein', 'WALTER-HALLSTEIN', 'Walter-Hallstein-Programm (Baden-Württemberg)', 'regional', null, '2021-2027', null, 'Regional funding of the state of Baden-Württemberg; set per call.', 'seed 002 (4Regions4Future)', '17:00:00', 'Europe/Berlin']
];

export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('programmes')
    .values(
      CATALOGUE.map(([id, code, name, family, parent, period, rate, note, source, cutOff, zone, historic]) => ({
        id,
        code,
        name,
        family,
        parent_id: parent,
        period,
        cofinancing_rate: rate,
        cofinancing_note: note,
        source,
        cut_off_time: cutOff,
        cut_off_zone: zone,
        historic: historic ? 1 : 0,
        created_by: null
      }))
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const ids = CATALOGUE.map(([id]) => id);
  await db.updateTable('programmes').set({ parent_id: null }).where('parent_id', 'in', ids).execute();
  await db.deleteFrom('programmes').where('id', 'in', ids).execute();
}
