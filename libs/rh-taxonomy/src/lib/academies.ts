/**
 * Académies and régions académiques of the French Ministry of Education
 * (map in force since the merger of Caen and Rouen into the académie de Normandie, 2020).
 */
import { normalizeTerm } from './normalize';

interface RegionDefinition {
  readonly code: string;
  readonly name: string;
  readonly inseeCode: string;
}

const REGION_DEFINITIONS = [
  {
    code: 'auvergne-rhone-alpes',
    name: 'Auvergne-Rhône-Alpes',
    inseeCode: '84',
  },
  {
    code: 'bourgogne-franche-comte',
    name: 'Bourgogne-Franche-Comté',
    inseeCode: '27',
  },
  { code: 'bretagne', name: 'Bretagne', inseeCode: '53' },
  { code: 'centre-val-de-loire', name: 'Centre-Val de Loire', inseeCode: '24' },
  { code: 'corse', name: 'Corse', inseeCode: '94' },
  { code: 'grand-est', name: 'Grand Est', inseeCode: '44' },
  { code: 'hauts-de-france', name: 'Hauts-de-France', inseeCode: '32' },
  { code: 'ile-de-france', name: 'Île-de-France', inseeCode: '11' },
  { code: 'normandie', name: 'Normandie', inseeCode: '28' },
  { code: 'nouvelle-aquitaine', name: 'Nouvelle-Aquitaine', inseeCode: '75' },
  { code: 'occitanie', name: 'Occitanie', inseeCode: '76' },
  { code: 'pays-de-la-loire', name: 'Pays de la Loire', inseeCode: '52' },
  {
    code: 'provence-alpes-cote-d-azur',
    name: "Provence-Alpes-Côte d'Azur",
    inseeCode: '93',
  },
  { code: 'guadeloupe', name: 'Guadeloupe', inseeCode: '01' },
  { code: 'guyane', name: 'Guyane', inseeCode: '03' },
  { code: 'martinique', name: 'Martinique', inseeCode: '02' },
  { code: 'mayotte', name: 'Mayotte', inseeCode: '06' },
  { code: 'la-reunion', name: 'La Réunion', inseeCode: '04' },
] as const satisfies readonly RegionDefinition[];

/** Code of a région académique (`auvergne-rhone-alpes`, `ile-de-france`…). */
export type RegionAcademiqueCode = (typeof REGION_DEFINITIONS)[number]['code'];

/** A région académique (18 of them, one per administrative region). */
export interface RegionAcademique {
  /** Lowercase ASCII slug, e.g. `auvergne-rhone-alpes`. */
  readonly code: RegionAcademiqueCode;
  /** French name, e.g. « Auvergne-Rhône-Alpes ». */
  readonly name: string;
  /** INSEE code of the matching administrative region, e.g. `84`. */
  readonly inseeCode: string;
}

/** The 18 régions académiques. */
export const REGIONS_ACADEMIQUES: readonly RegionAcademique[] =
  REGION_DEFINITIONS;

const REGION_BY_CODE: ReadonlyMap<string, RegionAcademique> = new Map(
  REGIONS_ACADEMIQUES.map((region) => [region.code, region]),
);

/** Type guard for a région académique code. */
export function isRegionAcademiqueCode(x: unknown): x is RegionAcademiqueCode {
  return typeof x === 'string' && REGION_BY_CODE.has(x);
}

/** Returns the région académique of a code. */
export function getRegionAcademique(
  code: RegionAcademiqueCode,
): RegionAcademique {
  const region = REGION_BY_CODE.get(code);
  if (region === undefined) {
    throw new Error(`Unknown région académique: ${code}`);
  }
  return region;
}

interface AcademieDefinition {
  readonly code: string;
  readonly officialCode: string;
  readonly name: string;
  readonly shortName: string;
  readonly region: RegionAcademiqueCode;
  readonly overseas: boolean;
  readonly aliases: readonly string[];
}

const ACADEMIE_DEFINITIONS = [
  {
    code: 'aix-marseille',
    officialCode: '02',
    name: "Académie d'Aix-Marseille",
    shortName: 'Aix-Marseille',
    region: 'provence-alpes-cote-d-azur',
    overseas: false,
    aliases: ['aix', 'marseille'],
  },
  {
    code: 'amiens',
    officialCode: '20',
    name: "Académie d'Amiens",
    shortName: 'Amiens',
    region: 'hauts-de-france',
    overseas: false,
    aliases: [],
  },
  {
    code: 'besancon',
    officialCode: '03',
    name: 'Académie de Besançon',
    shortName: 'Besançon',
    region: 'bourgogne-franche-comte',
    overseas: false,
    aliases: [],
  },
  {
    code: 'bordeaux',
    officialCode: '04',
    name: 'Académie de Bordeaux',
    shortName: 'Bordeaux',
    region: 'nouvelle-aquitaine',
    overseas: false,
    aliases: [],
  },
  {
    code: 'clermont-ferrand',
    officialCode: '06',
    name: 'Académie de Clermont-Ferrand',
    shortName: 'Clermont-Ferrand',
    region: 'auvergne-rhone-alpes',
    overseas: false,
    aliases: ['clermont'],
  },
  {
    code: 'corse',
    officialCode: '27',
    name: 'Académie de Corse',
    shortName: 'Corse',
    region: 'corse',
    overseas: false,
    aliases: ['ajaccio'],
  },
  {
    code: 'creteil',
    officialCode: '24',
    name: 'Académie de Créteil',
    shortName: 'Créteil',
    region: 'ile-de-france',
    overseas: false,
    aliases: [],
  },
  {
    code: 'dijon',
    officialCode: '07',
    name: 'Académie de Dijon',
    shortName: 'Dijon',
    region: 'bourgogne-franche-comte',
    overseas: false,
    aliases: [],
  },
  {
    code: 'grenoble',
    officialCode: '08',
    name: 'Académie de Grenoble',
    shortName: 'Grenoble',
    region: 'auvergne-rhone-alpes',
    overseas: false,
    aliases: [],
  },
  {
    code: 'guadeloupe',
    officialCode: '32',
    name: 'Académie de la Guadeloupe',
    shortName: 'Guadeloupe',
    region: 'guadeloupe',
    overseas: true,
    aliases: [],
  },
  {
    code: 'guyane',
    officialCode: '33',
    name: 'Académie de la Guyane',
    shortName: 'Guyane',
    region: 'guyane',
    overseas: true,
    aliases: [],
  },
  {
    code: 'la-reunion',
    officialCode: '28',
    name: 'Académie de La Réunion',
    shortName: 'La Réunion',
    region: 'la-reunion',
    overseas: true,
    aliases: ['reunion'],
  },
  {
    code: 'lille',
    officialCode: '09',
    name: 'Académie de Lille',
    shortName: 'Lille',
    region: 'hauts-de-france',
    overseas: false,
    aliases: [],
  },
  {
    code: 'limoges',
    officialCode: '22',
    name: 'Académie de Limoges',
    shortName: 'Limoges',
    region: 'nouvelle-aquitaine',
    overseas: false,
    aliases: [],
  },
  {
    code: 'lyon',
    officialCode: '10',
    name: 'Académie de Lyon',
    shortName: 'Lyon',
    region: 'auvergne-rhone-alpes',
    overseas: false,
    aliases: [],
  },
  {
    code: 'martinique',
    officialCode: '31',
    name: 'Académie de la Martinique',
    shortName: 'Martinique',
    region: 'martinique',
    overseas: true,
    aliases: [],
  },
  {
    code: 'mayotte',
    officialCode: '43',
    name: 'Académie de Mayotte',
    shortName: 'Mayotte',
    region: 'mayotte',
    overseas: true,
    aliases: [],
  },
  {
    code: 'montpellier',
    officialCode: '11',
    name: 'Académie de Montpellier',
    shortName: 'Montpellier',
    region: 'occitanie',
    overseas: false,
    aliases: [],
  },
  {
    code: 'nancy-metz',
    officialCode: '12',
    name: 'Académie de Nancy-Metz',
    shortName: 'Nancy-Metz',
    region: 'grand-est',
    overseas: false,
    aliases: ['nancy', 'metz'],
  },
  {
    code: 'nantes',
    officialCode: '17',
    name: 'Académie de Nantes',
    shortName: 'Nantes',
    region: 'pays-de-la-loire',
    overseas: false,
    aliases: [],
  },
  {
    code: 'nice',
    officialCode: '23',
    name: 'Académie de Nice',
    shortName: 'Nice',
    region: 'provence-alpes-cote-d-azur',
    overseas: false,
    aliases: [],
  },
  {
    code: 'normandie',
    officialCode: '70',
    name: 'Académie de Normandie',
    shortName: 'Normandie',
    region: 'normandie',
    overseas: false,
    aliases: ['caen', 'rouen'],
  },
  {
    code: 'orleans-tours',
    officialCode: '18',
    name: "Académie d'Orléans-Tours",
    shortName: 'Orléans-Tours',
    region: 'centre-val-de-loire',
    overseas: false,
    aliases: ['orleans', 'tours'],
  },
  {
    code: 'paris',
    officialCode: '01',
    name: 'Académie de Paris',
    shortName: 'Paris',
    region: 'ile-de-france',
    overseas: false,
    aliases: [],
  },
  {
    code: 'poitiers',
    officialCode: '13',
    name: 'Académie de Poitiers',
    shortName: 'Poitiers',
    region: 'nouvelle-aquitaine',
    overseas: false,
    aliases: [],
  },
  {
    code: 'reims',
    officialCode: '19',
    name: 'Académie de Reims',
    shortName: 'Reims',
    region: 'grand-est',
    overseas: false,
    aliases: [],
  },
  {
    code: 'rennes',
    officialCode: '14',
    name: 'Académie de Rennes',
    shortName: 'Rennes',
    region: 'bretagne',
    overseas: false,
    aliases: [],
  },
  {
    code: 'strasbourg',
    officialCode: '15',
    name: 'Académie de Strasbourg',
    shortName: 'Strasbourg',
    region: 'grand-est',
    overseas: false,
    aliases: [],
  },
  {
    code: 'toulouse',
    officialCode: '16',
    name: 'Académie de Toulouse',
    shortName: 'Toulouse',
    region: 'occitanie',
    overseas: false,
    aliases: [],
  },
  {
    code: 'versailles',
    officialCode: '25',
    name: 'Académie de Versailles',
    shortName: 'Versailles',
    region: 'ile-de-france',
    overseas: false,
    aliases: [],
  },
] as const satisfies readonly AcademieDefinition[];

/** Code of an académie: lowercase ASCII slug used in URLs and message subjects (`lyon`, `aix-marseille`…). */
export type AcademieCode = (typeof ACADEMIE_DEFINITIONS)[number]['code'];

/** An académie (rectorat) of the Éducation nationale. */
export interface Academie {
  /** Lowercase ASCII slug used in URLs and message subjects, e.g. `clermont-ferrand`. */
  readonly code: AcademieCode;
  /** Official two-digit académie number of the ministry, e.g. `10` for Lyon, `70` for Normandie. */
  readonly officialCode: string;
  /** Full French name, e.g. « Académie d'Aix-Marseille ». */
  readonly name: string;
  /** Short French name, e.g. « Aix-Marseille ». */
  readonly shortName: string;
  /** Région académique the académie belongs to. */
  readonly region: RegionAcademique;
  /** True for the académies of the overseas departments and regions (DROM). */
  readonly overseas: boolean;
  /** Other names users give the académie (a city of a two-city name, a former académie…), lowercase. */
  readonly aliases: readonly string[];
}

/** The 30 académies, sorted by code. */
export const ACADEMIES: readonly Academie[] = ACADEMIE_DEFINITIONS.map(
  (definition) => ({
    ...definition,
    region: getRegionAcademique(definition.region),
  }),
);

/** Every académie code. */
export const ACADEMIE_CODES: readonly AcademieCode[] = ACADEMIES.map(
  (academie) => academie.code,
);

const ACADEMIE_BY_CODE: ReadonlyMap<string, Academie> = new Map(
  ACADEMIES.map((academie) => [academie.code, academie]),
);

/** Type guard for an académie code (exact, lowercase slug). */
export function isAcademieCode(x: unknown): x is AcademieCode {
  return typeof x === 'string' && ACADEMIE_BY_CODE.has(x);
}

/** Returns the académie of a code. */
export function getAcademie(code: AcademieCode): Academie {
  const academie = ACADEMIE_BY_CODE.get(code);
  if (academie === undefined) {
    throw new Error(`Unknown académie: ${code}`);
  }
  return academie;
}

/** Académies of a région académique, in code order. */
export function academiesOfRegion(
  regionCode: RegionAcademiqueCode,
): readonly Academie[] {
  return ACADEMIES.filter((academie) => academie.region.code === regionCode);
}

/** Prefixes users put before an académie name (« Académie de », « rectorat d' », « ac- »), normalised. */
const ACADEMIE_PREFIX =
  /^(?:(?:l )?(?:academie|rectorat|region academique)(?: de la| de l| des| du| de| d)?|ac) /;

const ACADEMIE_BY_KEY: ReadonlyMap<string, Academie> = new Map(
  ACADEMIES.flatMap((academie) =>
    [
      academie.code,
      academie.shortName,
      academie.name,
      academie.officialCode,
      ...academie.aliases,
    ].map((key): [string, Academie] => [normalizeTerm(key), academie]),
  ),
);

/**
 * Finds an académie from a code, a name or an official number, ignoring case, accents,
 * hyphens and a leading « Académie de » / « rectorat de » / « ac- ».
 *
 * @example findAcademie('Académie de Clermont-Ferrand')?.code === 'clermont-ferrand'
 * @example findAcademie('LYON')?.code === 'lyon'
 * @example findAcademie('Caen')?.code === 'normandie'
 */
export function findAcademie(codeOrName: string): Academie | undefined {
  const normalized = normalizeTerm(codeOrName);
  if (normalized.length === 0) {
    return undefined;
  }
  return (
    ACADEMIE_BY_KEY.get(normalized) ??
    ACADEMIE_BY_KEY.get(normalized.replace(ACADEMIE_PREFIX, ''))
  );
}

/** Code of the administration centrale (ministry headquarters) as an organisation. */
export const ADMINISTRATION_CENTRALE_CODE = 'centrale';

/** The administration centrale of the ministries of Éducation nationale and Enseignement supérieur. */
export const ADMINISTRATION_CENTRALE = {
  code: ADMINISTRATION_CENTRALE_CODE,
  name: 'Administration centrale',
  shortName: 'Administration centrale',
} as const;

/** An organisation that employs or manages staff: an académie or the administration centrale. */
export type OrganisationCode =
  | AcademieCode
  | typeof ADMINISTRATION_CENTRALE_CODE;

/** Every organisation code: the académies then `centrale`. */
export const ORGANISATION_CODES: readonly OrganisationCode[] = [
  ...ACADEMIE_CODES,
  ADMINISTRATION_CENTRALE_CODE,
];

/** Type guard for an organisation code. */
export function isOrganisationCode(x: unknown): x is OrganisationCode {
  return x === ADMINISTRATION_CENTRALE_CODE || isAcademieCode(x);
}

/** Code of the national corpus (texts that apply everywhere), as opposed to an académie corpus. */
export const NATIONAL_CORPUS = 'national';

/** A corpus of documents: the national corpus or one académie's corpus. */
export type CorpusCode = typeof NATIONAL_CORPUS | AcademieCode;

/** Every corpus code: `national` then the académies. */
export const CORPUS_CODES: readonly CorpusCode[] = [
  NATIONAL_CORPUS,
  ...ACADEMIE_CODES,
];

/** Type guard for a corpus code (`national` or an académie code). */
export function isCorpusCode(x: unknown): x is CorpusCode {
  return x === NATIONAL_CORPUS || isAcademieCode(x);
}
