import { foldName } from './fold';

function wordSet(list: string): ReadonlySet<string> {
  return new Set(
    list
      .split(/\s+/)
      .filter(Boolean)
      .map((word) => foldName(word)),
  );
}

/**
 * Acronyms of the administration, of HR and of teaching: an all-capitals word of this list is never
 * a surname. (Capital words without a vowel — CLM, DRH, PSC — are treated as acronyms anyway.)
 */
export const ACRONYMS: ReadonlySet<string> = wordSet(`
  AESH AED AVS CPE COP PSYEN ATSEM ATER PRAG PRCE PLC PLP PEGC PE PU MCF EC CR DR IGR IGE ASI TCH ADT
  BIATSS BIATOSS ITRF ATRF ITA ATSS ADJAENES SAENES AAE APAE ASS CTSS INFENES ATEE ATEC TZR CDI CDD
  CLM CLD CMO CGM CITIS TPT CMA CA CET CPF VAE ASA RTT ETP AT MP PACS RQTH MDPH AAH ISAE ISOE NBI HSA HSE
  IMP IFSE CIA RIFSEEP GIPA PPCR SFT PSC CSG CRDS RAFP IRCANTEC CNRACL SRE ENSAP RIS EIG CGFP CGCT JORF
  BOEN BOESR BO JO NUMEN NIR INE IBAN BIC RIB SIRET SIREN INSEE UAI RNE SIRH SIRHEN SIAM AGORA EPP GAIA
  IPROF I-PROF COLIBRIS ARENA DSDEN DASEN IA IEN IPR IA-IPR IEN-ET INSPE ESPE DRH DGRH DGESCO DGESIP
  DEPP DAF DAFPIC DAFPEN DIPE DPE DPATE DEC DEP DOS DRAJES DRANE DANE DSI MENJ MEN MESR MESRI MENESR
  ONISEP CNED CANOPE CROUS CNRS INSERM INRAE INRIA CNU CRCT HDR UFR IUT ENS EPLE EREA LP LPO LGT LEGT
  LT SEGPA ULIS UPE2A REP REP+ QPV CFA GRETA CIO CAPES CAPET CAPEPS CAPLP CRPE CAFIPEMF CAPPEI
  AGREG BTS CPGE BAC DNB CAP BEP STMG STI2D SVT SES NSI EPS HG LV1 LV2 CHSCT CSA CAPA CAPN CCP CT CTA
  FSSSCT FSU SNES SGEN CFDT UNSA FO CGT SNUIPP SUD SNALC SE-UNSA MGEN CPAM CAF URSSAF MSA CNAV CARSAT
  DSN RH GRH RGPD CNIL CADA TA CAA CE QPC RAPO ENT PDF DOCX CSV URL SMS FAQ CV NB PS PJ TR RE FW FWD RDV
  CEDEX BP CS TSA ZI ZA ZAC RN RD EUR TTC HT UE ONU USA FR OK INFO INFOS MAJ ASAP
`);

/**
 * Capitalised words that are never a name: civilities, greetings and closings, sentence openers,
 * labels, the administration's words, days and months. Compared folded.
 */
export const STOP_WORDS: ReadonlySet<string> = wordSet(`
  monsieur madame mademoiselle messieurs mesdames mme mmes mlle mlles mr mrs dr pr docteur maitre beaucoup
  bonjour bonsoir salut coucou hello merci cordialement cdlt cordialemen bien bises amicalement bonne bon belle bel tres
  salutations respectueusement sinceres sincerement meilleures veuillez recevez agreez
  je j tu il elle on nous vous ils elles moi toi lui eux le la les l un une des du de d ce cet cette ces
  ca cela ceci mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs quel quelle quels quelles
  qui que qu quoi quand comment pourquoi ou combien est est-ce y a-t-il peut-on puis-je dois-je
  suite apres avant depuis pendant pour par sur sous dans en au aux avec sans selon chez entre vers
  contre concernant conformement si oui non ok et mais donc or ni car puis ainsi alors aussi encore
  deja enfin ensuite toutefois cependant neanmoins pourtant sauf hors tous toutes tout toute chaque
  aucun aucune plusieurs certains certaines autre autres meme
  objet ref reference note notes fiche liste tableau rappel suivi source sources total date dates
  nom noms prenom prenoms adresse adresses tel telephone port portable mel mail email e-mail courriel
  fax numero affaire dossier dossiers demande demandes reponse reponses question questions piece pieces
  annexe annexes copie destinataire destinataires expediteur envoye envoi attention important urgent
  rectorat recteur rectrice academie academies academique ministere ministre ministerielle education
  nationale national nationaux enseignement enseignements superieur superieure recherche jeunesse
  sports sport vie associative innovation direction directeur directrice directeurs division bureau
  bureaux service services cellule pole departement departemental departementale mission delegation
  delegue deleguee inspection inspecteur inspectrice inspecteurs proviseur proviseure principal
  principale adjoint adjointe adjoints gestionnaire gestionnaires secretaire secretaires secretariat
  chef cheffe conseiller conseillere conseillers medecin medecins infirmier infirmiere assistant
  assistante assistants professeur professeure professeurs enseignant enseignante enseignants
  maitresse agent agente agents personnel personnels universite universites lycee lycees college
  colleges ecole ecoles faculte laboratoire institut conseil comite commission prefecture mairie
  region regional regionale departement code codes article articles loi lois decret decrets arrete
  arretes circulaire circulaires bulletin officiel journal republique francaise francais france etat
  fonction publique travail sante securite sociale social sociales assurance maladie caisse mutuelle
  pension pensions retraite retraites mouvement mutation mutations conge conges paie traitement
  indemnite indemnites prime primes grade echelon classe corps categorie statut contractuel
  contractuelle contractuels titulaire titulaires stagiaire stagiaires concours recrutement formation
  avancement promotion carriere disponibilite detachement temps partiel complet quotite remuneration
  salaire bulletin attestation certificat arret arrets avis accord refus decision procedure campagne
  calendrier serveur plateforme portail site application simulateur simulation guide modele formulaire
  lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier mars avril juin juillet aout
  septembre octobre novembre decembre rentree annee annees mois semaine jour jours
  total sous-total montant somme euros euro
`);

/** Closing formulas after which a line holding only a name is a signature. */
export const CLOSING_LINE =
  /^(?:(?:bien |tres |tres bien )?cordialement|cdlt|bien (?:a vous|a toi|amicalement|sincerement)|(?:sinceres |meilleures |respectueuses |cordiales )?salutations|respectueusement|amicalement|merci\b.*|bonne (?:journee|soiree|fin de journee|semaine)|a bientot|bises|--+|__+|—|veuillez agreer.*|je vous prie d.*|dans l'attente.*|avec mes remerciements.*|en vous remerciant.*)[\s,.!]*$/;
