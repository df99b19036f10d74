/**
 * Passages for the tests, copied from public service-public.fr fiches of the shared corpus
 * (F18089 congé de longue maladie, F18098 congé de longue durée, F12788 temps partiel
 * thérapeutique, F486 temps partiel, F459 mutation), cut as the ingestion cuts them: the body of
 * one section, its headings beside it. The académie passage is written for the tests.
 */
import type { DraftPassage, DraftRequest } from '@mileva/contracts';

interface PassageSource {
  readonly documentId: string;
  readonly title: string;
  readonly sourceUri: string;
}

const CLM: PassageSource = {
  documentId: 'doc-f18089',
  title: "Congé de longue maladie (CLM) d'un fonctionnaire",
  sourceUri: 'https://www.service-public.fr/particuliers/vosdroits/F18089',
};
const CLD: PassageSource = {
  documentId: 'doc-f18098',
  title: 'Congé de longue durée (CLD) du fonctionnaire',
  sourceUri: 'https://www.service-public.fr/particuliers/vosdroits/F18098',
};
const TPT: PassageSource = {
  documentId: 'doc-f12788',
  title: "Temps partiel thérapeutique d'un fonctionnaire",
  sourceUri: 'https://www.service-public.fr/particuliers/vosdroits/F12788',
};
const TEMPS_PARTIEL: PassageSource = {
  documentId: 'doc-f486',
  title: "Travail à temps partiel d'un fonctionnaire",
  sourceUri: 'https://www.service-public.fr/particuliers/vosdroits/F486',
};
const MUTATION: PassageSource = {
  documentId: 'doc-f459',
  title: "Mutation d'un fonctionnaire",
  sourceUri: 'https://www.service-public.fr/particuliers/vosdroits/F459',
};
const LYON: PassageSource = {
  documentId: 'doc-lyon-conges',
  title: 'Académie de Lyon – Congés pour raison de santé : circuit des demandes',
  sourceUri: 'https://intranet.ac-lyon.example/dpe/conges-sante',
};

let chunk = 0;

/** A passage as retrieval returns it. */
export function passage(n: number, source: PassageSource, headings: readonly string[], text: string, extra: Partial<DraftPassage> = {}): DraftPassage {
  chunk++;
  return {
    n,
    chunkId: `chunk-${chunk}`,
    documentId: source.documentId,
    corpus: extra.local === true ? 'lyon' : 'national',
    title: source.title,
    sourceUri: source.sourceUri,
    headingPath: [source.title, ...headings],
    text,
    page: null,
    pageEnd: null,
    theme: 'conges-maladie',
    validFrom: null,
    validTo: null,
    kind: 'document',
    score: 1 / (60 + n),
    local: false,
    ...extra,
  };
}

export const CLM_INTRO = `Vous pouvez être placé en congé de longue maladie (CLM), après avis du comité médical. Votre maladie doit présenter un caractère invalidant et de gravité confirmée et nécessiter un traitement et des soins prolongés. Vous devez faire la demande auprès de votre administration. Le CLM peut durer 3 ans maximum. Vous êtes payé à plein traitement pendant la 1^re année puis à demi-traitement les 2 années suivantes.`;

export const CLM_DUREE = `La durée du CLM est de **3 ans maximum**.

Le CLM est accordé ou renouvelé par périodes de 3 à 6 mois.

Il peut être accordé de manière fractionnée (par journée, voire demi-journée) pour permettre le traitement médical periodique de certaines pathologies (hémodialyse, chimiothérapie, etc.).

Les droits aux 3 ans de congé sont alors appréciés sur une période de référence de 4 ans. Cette période de référence est mobile et s'apprécie de date à date.

Sa durée est fixée par l'administration sur proposition du comité médical.

Si la demande de CLM est présentée pendant un congé de maladie ordinaire (CMO), la 1re période de CLM part du jour de la 1re constatation médicale de la maladie et le CMO est requalifié en CLM.`;

export const CLM_REMUNERATION = `Le traitement indiciaire est versé intégralement pendant 1 an, puis réduit de moitié les 2 années suivantes.

Si le montant du demi-traitement est inférieur au montant des indemnités journalières de la sécurité sociale, vous percevez une indemnité différentielle.`;

export const CLM_QUI = `Vous pouvez être placé en CLM, que vous soyez fonctionnaire titulaire ou stagiaire, si vous êtes atteint d'une affection figurant sur une liste fixée par arrêté ministériel.

La liste n'est pas limitative et un CLM peut être accordé pour d'autres affections après avis du comité médical.`;

export const CLM_FIN = `Vous ne pouvez reprendre le travail à l'issue d'un CLM que si vous êtes reconnu apte, après examen par un médecin agréé et avis favorable du comité médical.

L'examen par un médecin agréé peut être demandé par l'administration ou vous-même.`;

export const CLM_REFERENCES = `- Loi n°84-16 du 11 janvier 1984 portant dispositions statutaires relatives à la FPEArticles 34 (3°)
- Décret n°86-442 du 14 mars 1986 relatif aux médecins agréés, aux comités médicaux et commissions de réforme, aux conditions d'aptitude physique et aux congés de maladie des fonctionnairesArticles 28 et 34 à 47`;

export const TPT_QUI = `Le temps partiel thérapeutique peut être accordé :

- soit parce que la reprise des fonctions à temps partiel est reconnue favorable à l'amélioration de votre état de santé,
- soit parce que vous devez faire l'objet d'une rééducation ou d'une réadaptation professionnelle pour retrouver un emploi compatible avec votre état de santé.

Un temps partiel thérapeutique peut être accordé à un fonctionnaire après un des congés suivants :

- Congé de maladie ordinaire (CMO)
- Congé de longue maladie (CLM)
- Congé de longue durée (CLD)
- Congé pour invalidité temporaire imputable au service (Citis)`;

export const TPT_DUREE = `L'autorisation de reprendre à temps partiel est accordée pour une **durée de 3 mois renouvelable dans la limite d'1 an** pour une même affection.

> **À noter** : en cas de nouvelle affection ou d'un nouvel accident, vous pourrez bénéficier d'un nouveau temps partiel thérapeutique.`;

export const CLD_DEFINITION = `Le congé de longue durée (CLD) peut prolonger un congé de longue maladie (CLM). Quand la reprise de service n'est pas possible après 1 an passé en CLM, vous avez droit au CLD pour conserver le plein traitement.

Toutefois, le passage du CLM au CLD n'est pas obligatoire. À la fin de l'année rémunérée à plein traitement du CLM, vous pouvez demander à rester en CLM. L'administration vous l'accorde ou vous place en CLD après avis du comité médical.`;

export const MUTATION_REFUS = `Lorsque la demande de mutation du fonctionnaire a été acceptée par l’administration d'accueil, l'administration d'origine ne peut s'opposer à son départ qu'en raison des nécessités du service. La présence du fonctionnaire doit être indispensable pour assurer la continuité du fonctionnement du service.

La mutation est prononcée par l'administration d'accueil. Elle prend effet au plus tard 3 mois après la demande de mutation formulée par le fonctionnaire sauf si les administrations d'origine et d'accueil s'entendent sur une date antérieure.`;

export const MUTATION_PRIORITES = `L'administration procède aux mutations des fonctionnaires en tenant compte des besoins du service. Elle dispose d'un pouvoir d'appréciation des situations individuelles, des nécessités de service ou de tout autre motif d'intérêt général.

Si le fonctionnement du service le permet, la mutation est accordée en priorité au fonctionnaire se trouvant dans l'une ou plusieurs des situations suivantes :

- Fonctionnaire séparé, pour des raisons professionnelles, de son époux(se)
- Fonctionnaire séparé, pour des raisons professionnelles, de son partenaire de Pacs s'il apporte la preuve qu'ils sont soumis à l'obligation d'imposition commune sur le revenu
- Fonctionnaire reconnu handicapé
- Fonctionnaire justifiant d'au moins 5 ans (au moins 7 ans pour un fonctionnaire de police) de services continus dans un quartier urbain sensible`;

export const TEMPS_PARTIEL_QUOTITE = `Vous pouvez demander à travailler à temps partiel à 50 %, 60 %, 70 % ou 80 % d'un temps plein.

Le temps partiel est accordé pour une période de 6 mois à 1 an, renouvelable, pour la même durée, par tacite reconduction dans la limite de 3 ans.`;

export const TEMPS_PARTIEL_NAISSANCE = `Vous avez le droit de demander à travailler à temps partiel, à l'occasion de chaque naissance ou adoption.

En cas de naissance, vous avez le droit de travailler à temps partiel jusqu'au 3e anniversaire de l'enfant.

En cas d'adoption, vous avez le droit de travailler à temps partiel pendant les 3 ans suivant l'arrivée de l'enfant au foyer.

L'administration ne peut pas vous refuser le passage à temps partiel.`;

export const LYON_CIRCUIT = `Dans l'académie de Lyon, la demande de congé de longue maladie est adressée à la division des personnels enseignants, bureau des congés, sous couvert du chef d'établissement. Le certificat médical du médecin traitant est joint sous pli confidentiel à l'attention du comité médical départemental.`;

/** The passages retrieved for a question on the congé de longue maladie, best first. */
export function clmPassages(): DraftPassage[] {
  return [
    passage(1, CLM, [], CLM_INTRO),
    passage(2, CLM, ['Durée du congé'], CLM_DUREE),
    passage(3, CLM, ['Rémunération', 'Traitement de base'], CLM_REMUNERATION),
    passage(4, CLD, ["De quoi s'agit-il ?"], CLD_DEFINITION),
    passage(5, TPT, ['Qui est concerné ?'], TPT_QUI),
    passage(6, CLM, ['Qui est concerné ?'], CLM_QUI),
    passage(7, CLM, ['Fin du congé'], CLM_FIN),
    passage(8, TPT, ['Durée', 'Cas général'], TPT_DUREE),
    passage(9, CLM, ['Textes de référence'], CLM_REFERENCES),
    passage(10, MUTATION, ['Fonction publique d\'État (FPE)', "L'administration d'origine peut-elle refuser ?"], MUTATION_REFUS, { theme: 'mouvement-mutation' }),
  ];
}

/** The same, with the académie's own passage among them. */
export function clmPassagesWithLocal(): DraftPassage[] {
  const passages = clmPassages().slice(0, 7);
  return [...passages, passage(8, LYON, ['Congé de longue maladie'], LYON_CIRCUIT, { local: true, corpus: 'lyon' })];
}

export function mutationPassages(): DraftPassage[] {
  return [
    passage(1, MUTATION, ["Fonction publique d'État (FPE)", 'Ordre de priorité'], MUTATION_PRIORITES, { theme: 'mouvement-mutation' }),
    passage(2, MUTATION, ["Fonction publique d'État (FPE)", "L'administration d'origine peut-elle refuser ?"], MUTATION_REFUS, { theme: 'mouvement-mutation' }),
    passage(3, TEMPS_PARTIEL, ["Fonction publique d'État (FPE)", 'Durée et organisation de travail'], TEMPS_PARTIEL_QUOTITE, { theme: 'temps-partiel' }),
  ];
}

export function tempsPartielPassages(): DraftPassage[] {
  return [
    passage(1, TEMPS_PARTIEL, ["Fonction publique d'État (FPE)", "Naissance ou adoption d'un enfant"], TEMPS_PARTIEL_NAISSANCE, { theme: 'temps-partiel' }),
    passage(2, TEMPS_PARTIEL, ["Fonction publique d'État (FPE)", 'Durée et organisation de travail'], TEMPS_PARTIEL_QUOTITE, { theme: 'temps-partiel' }),
    passage(3, TPT, ['Durée', 'Cas général'], TPT_DUREE, { theme: 'temps-partiel' }),
  ];
}

/** A draft request as the gateway sends it. */
export function draftRequest(question: string, passages: readonly DraftPassage[], extra: Partial<DraftRequest> = {}): DraftRequest {
  return { v: 1, question, academie: 'lyon', passages, answerable: true, ...extra };
}
