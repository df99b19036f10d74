/**
 * Small Markdown documents ingested by `mileva bench e2e` when no document folder is available:
 * enough titles and sections to ask varied questions, short enough to ingest in a second.
 */
export const BUILT_IN_BENCH_DOCUMENTS: readonly { readonly name: string; readonly markdown: string }[] = [
  {
    name: 'temps-partiel.md',
    markdown: `# Temps partiel des personnels enseignants

## Temps partiel de droit

Le temps partiel de droit est accordé pour élever un enfant jusqu’à ses trois ans, ou après l’arrivée au foyer d’un enfant adopté. Il est aussi accordé pour donner des soins au conjoint, à un enfant à charge ou à un ascendant atteint d’un handicap ou victime d’un accident ou d’une maladie grave.

La quotité est de 50, 60, 70 ou 80 % du temps complet.

## Temps partiel sur autorisation

Le temps partiel sur autorisation est accordé sous réserve des nécessités de la continuité et du fonctionnement du service. Un refus est précédé d’un entretien et motivé.

## Calendrier de la demande

La demande est déposée avant le 31 mars pour l’année scolaire suivante, auprès du service gestionnaire, par la voie hiérarchique. L’autorisation vaut pour une année scolaire.
`,
  },
  {
    name: 'conge-longue-maladie.md',
    markdown: `# Congé de longue maladie

## Conditions d’octroi

Le congé de longue maladie est accordé au fonctionnaire atteint d’une maladie qui rend nécessaires un traitement et des soins prolongés, qui présente un caractère invalidant et de gravité confirmée. Il est accordé après avis du conseil médical.

## Durée et rémunération

Le congé de longue maladie dure au plus trois ans. Le traitement est versé intégralement pendant un an, puis réduit de moitié pendant deux ans.

## Reprise des fonctions

À l’issue du congé, la reprise des fonctions peut se faire à temps partiel pour raison thérapeutique, après avis du médecin agréé.
`,
  },
  {
    name: 'conge-parental.md',
    markdown: `# Congé parental

## Bénéficiaires du congé parental

Le congé parental est ouvert au père et à la mère, fonctionnaires ou agents contractuels, après la naissance ou l’adoption d’un enfant.

## Durée du congé parental

Le congé parental est accordé par périodes de deux à six mois renouvelables, jusqu’aux trois ans de l’enfant. La demande de renouvellement est présentée un mois au moins avant la fin de la période en cours.

## Situation pendant le congé

L’agent en congé parental n’est pas rémunéré. Il conserve ses droits à l’avancement, dans la limite de cinq ans pour toute sa carrière.
`,
  },
  {
    name: 'mutation-inter-academique.md',
    markdown: `# Mutation inter-académique des enseignants

## Calendrier des vœux

Les enseignants titulaires qui souhaitent changer d’académie formulent leurs vœux sur le serveur académique pendant la période d’ouverture, à la fin de l’automne.

## Barème et priorités légales

Les demandes sont classées selon un barème qui tient compte de l’ancienneté de service, du rapprochement de conjoints, de la situation de handicap et de l’exercice en éducation prioritaire.

## Pièces justificatives

Les situations familiales et médicales sont justifiées par des pièces transmises au service gestionnaire avant la date fixée par la note de service.
`,
  },
  {
    name: 'rendez-vous-de-carriere.md',
    markdown: `# Rendez-vous de carrière

## Déroulement du rendez-vous de carrière

Le rendez-vous de carrière comprend une inspection en situation professionnelle suivie d’un entretien avec l’inspecteur, puis un entretien avec le chef d’établissement.

## Calendrier et information de l’agent

L’agent est informé de la date de l’inspection au moins un mois à l’avance. Le compte rendu lui est communiqué et il peut formuler des observations.

## Recours contre l’appréciation finale

L’agent peut demander la révision de l’appréciation finale dans les trente jours francs qui suivent sa notification, puis saisir la commission administrative paritaire.
`,
  },
  {
    name: 'conge-formation-professionnelle.md',
    markdown: `# Congé de formation professionnelle

## Conditions d’ancienneté

Le congé de formation professionnelle est ouvert au fonctionnaire qui a accompli au moins trois années de services effectifs dans la fonction publique.

## Indemnité mensuelle forfaitaire

Pendant les douze premiers mois, l’agent perçoit une indemnité mensuelle forfaitaire égale à 85 % du traitement brut et de l’indemnité de résidence.

## Engagement de servir

L’agent s’engage à rester au service de l’administration pendant une durée égale au triple de celle pendant laquelle il a perçu l’indemnité.
`,
  },
];
