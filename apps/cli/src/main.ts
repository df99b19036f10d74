import { SERVICE_NAMES, type IngestionSummary } from '@mileva/contracts';
import {
  anonymizationEvalJson,
  askJson,
  formatAskSources,
  runAsk,
  anonymizationEvalOptionsFromFlags,
  checkAnonymizationTargets,
  formatAnonymizationEval,
  runAnonymizationEval,
  type AnonymizationEvalFlags,
  type AnonymizationEvalOptions,
  type AnonymizationEvalResult,
  benchmarkIngestion,
  benchmarkSearch,
  benchmarkEndToEnd,
  benchmarkLoad,
  DEFAULT_LOAD_SECONDS,
  DEFAULT_LOAD_USERS,
  DEFAULT_THINK_MS,
  formatLoadBenchmark,
  loadOptionsFromFlags,
  endToEndBenchmarkOptionsFromFlags,
  formatEndToEndBenchmark,
  type EndToEndBenchmarkFlags,
  formatSearchBenchmark,
  searchBenchmarkOptionsFromFlags,
  type SearchBenchmarkFlags,
  checkThresholds,
  createRetrievalEvalProgress,
  buildVectorIndex,
  exitOnStartError,
  formatIndexBuild,
  formatIngestBenchmark,
  formatRetrievalEval,
  MILEVA_VERSION,
  parseServiceList,
  retrievalEvalJson,
  retrievalEvalOptionsFromFlags,
  runIngestCommand,
  runProcess,
  runRetrievalEval,
  UsageError,
  type RetrievalEvalFlags,
  type RetrievalEvalOptions,
  type RetrievalEvalResult,
} from '@mileva/platform';
import { CONFIG_VARIABLES, ConfigError, loadConfig, ServiceError } from '@mileva/runtime';
import { Command, Option } from 'commander';
import { createProgressReporter } from './progress';

const program = new Command();

program
  .name('mileva')
  .description('MILEVA — aide à la réponse aux questions RH des personnels de l’Éducation nationale')
  .version(MILEVA_VERSION, '-V, --version', 'affiche la version')
  .helpOption('-h, --help', 'affiche cette aide')
  .helpCommand('help [commande]', 'affiche l’aide d’une commande')
  .addHelpText(
    'after',
    `\nVariables d’environnement :\n${CONFIG_VARIABLES.map((variable) => `  ${variable.name.padEnd(26)} ${variable.description}${variable.defaultValue ? ` (défaut : ${variable.defaultValue})` : ''}`).join('\n')}\n`,
  );

program
  .command('start')
  .description('démarre MILEVA : tous les services dans un processus (mode autonome), ou un seul service avec --service')
  .option('-s, --service <services>', `services à héberger, séparés par des virgules (${SERVICE_NAMES.join(', ')})`)
  .action(async (options: { service?: string }) => {
    let services;
    try {
      services = options.service ? parseServiceList(options.service) : [...SERVICE_NAMES];
    } catch (error) {
      exitOnStartError(error);
    }
    const standalone = !options.service;
    const seedProgress = createProgressReporter('Amorçage du corpus national');
    await runProcess({
      services,
      version: MILEVA_VERSION,
      seed: standalone
        ? {
            onProgress: (event) => {
              if (event.total > 0) seedProgress.update(event);
            },
            onDone: (summary) => {
              seedProgress.stop();
              if (summary) process.stderr.write(`Corpus national amorcé : ${summary.documents} fiches, ${summary.chunks} passages (${summary.seconds} s).\n`);
            },
          }
        : undefined,
      onStarted: (platform, config) => {
        if (platform.url && services.includes('gateway')) {
          process.stderr.write(`\nMILEVA est prêt (mode ${config.mode === 'standalone' ? 'autonome' : 'distribué'}) : ouvrez ${platform.url}\nCtrl-C pour arrêter.\n\n`);
        }
      },
    });
  });

program
  .command('ingest')
  .description('ingère des documents (PDF, DOCX, HTML, Markdown, texte, XML) ou une base de réponses (CSV, JSONL) dans un corpus')
  .argument('<chemins...>', 'fichiers ou dossiers (parcourus récursivement)')
  .requiredOption('-c, --corpus <code>', 'corpus : national ou code d’académie (lyon, aix-marseille…)')
  .addOption(new Option('-k, --kind <type>', 'documents, ou answers pour une base de réponses précédentes').choices(['documents', 'answers']).default('documents'))
  .option('-t, --theme <code>', 'thème des documents (sinon déduit du contenu)')
  .option('--valid-from <date>', 'premier jour de validité (AAAA-MM-JJ)')
  .option('--valid-to <date>', 'dernier jour de validité (AAAA-MM-JJ)')
  .option('--json', 'affiche uniquement le bilan, en un objet JSON sur la sortie standard')
  .action(async (paths: string[], options: { corpus: string; kind: 'documents' | 'answers'; theme?: string; validFrom?: string; validTo?: string; json?: boolean }) => {
    let summary: IngestionSummary;
    const progress = options.json ? undefined : createProgressReporter('Ingestion');
    try {
      const config = loadConfig({ MILEVA_LOG_LEVEL: 'warn', ...process.env }, { version: MILEVA_VERSION });
      summary = await runIngestCommand(config, { paths, ...options }, progress ? (event) => progress.update(event) : undefined);
    } catch (error) {
      progress?.stop();
      if (error instanceof UsageError) {
        process.stderr.write(`mileva ingest : ${error.message}\n`);
        process.exit(64);
      }
      exitOnStartError(error);
    }
    progress?.stop();
    if (options.json) {
      process.stdout.write(`${JSON.stringify(summary)}\n`);
    } else {
      printSummary(summary);
    }
    process.exit(0);
  });

function printSummary(summary: IngestionSummary): void {
  const lines = [
    `Ingérés : ${summary.ingested} · mis à jour : ${summary.updated} · inchangés : ${summary.unchanged} · en échec : ${summary.failed.length}`,
    `${summary.documents} document(s) enregistré(s), ${summary.chunks} passage(s), ${summary.pages} page(s) en ${summary.seconds} s`,
    ...summary.failed.map((failure) => `  ✗ ${failure.file} [${failure.code}] ${failure.message}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

program
  .command('index')
  .description('index des vecteurs')
  .command('build')
  .description('construit l’index HNSW des vecteurs de la base configurée (base embarquée : services arrêtés)')
  .action(async () => {
    try {
      const config = loadConfig({ MILEVA_LOG_LEVEL: 'warn', ...process.env }, { version: MILEVA_VERSION });
      const result = await buildVectorIndex(config, (vectors, dimension) =>
        process.stderr.write(`Construction de l’index HNSW de ${vectors.toLocaleString('fr-FR')} vecteurs de ${dimension} dimensions… (plusieurs minutes au-delà de 50 000)\n`),
      );
      process.stdout.write(`${formatIndexBuild(result)}\n`);
      process.exit(0);
    } catch (error) {
      exitOnStartError(error);
    }
  });

const bench = program.command('bench').description('mesure les performances et affiche les chiffres');

bench
  .command('ingest')
  .description('ingère un dossier dans une base temporaire et mesure documents/s, pages/s, passages/s et la mémoire')
  .argument('[dossier]', 'dossier de documents', '../shared/corpus/docs')
  .option('--json', 'affiche le résultat en un objet JSON')
  .action(async (folder: string, options: { json?: boolean }) => {
    try {
      const result = await benchmarkIngestion(folder, loadConfig({ MILEVA_LOG_LEVEL: 'warn', ...process.env }, { version: MILEVA_VERSION }));
      process.stdout.write(`${options.json ? JSON.stringify(result) : formatIngestBenchmark(result)}\n`);
      process.exit(0);
    } catch (error) {
      if (error instanceof UsageError) {
        process.stderr.write(`mileva bench ingest : ${error.message}\n`);
        process.exit(64);
      }
      exitOnStartError(error);
    }
  });

bench
  .command('search')
  .description('corpus synthétiques de 10 000 et 100 000 passages : latence p50/p95/p99 de la recherche, scan exact et index HNSW, mémoire')
  .option('--sizes <tailles>', 'tailles de corpus, séparées par des virgules', '10000,100000')
  .option('--queries <n>', 'requêtes mesurées par taille et par mode', '200')
  .option('--index <type>', 'exact, hnsw ou both', 'both')
  .option('--json', 'affiche le résultat en un objet JSON')
  .action(async (flags: SearchBenchmarkFlags & { json?: boolean }) => {
    try {
      const options = searchBenchmarkOptionsFromFlags(flags);
      const config = loadConfig({ MILEVA_LOG_LEVEL: 'warn', ...process.env }, { version: MILEVA_VERSION });
      const result = await benchmarkSearch(config, { ...options, onProgress: (line: string) => process.stderr.write(`${line}\n`) });
      process.stdout.write(`${flags.json ? JSON.stringify(result) : formatSearchBenchmark(result)}\n`);
      process.exit(0);
    } catch (error) {
      if (error instanceof UsageError) {
        process.stderr.write(`mileva bench search : ${error.message}\n`);
        process.exit(64);
      }
      exitOnStartError(error);
    }
  });

bench
  .command('e2e')
  .description(
    'pose des questions de bout en bout (pseudonymisation, recherche, génération) sur une base temporaire : latence p50/p95/p99 du chemin extractif, puis surcoût d’orchestration sur le premier mot d’un fournisseur de modèle local simulé',
  )
  .option('--docs <dossier>', 'documents ingérés dans la base temporaire (par défaut ../shared/corpus/docs, ou quelques documents intégrés s’il est absent)')
  .option('--questions <n>', 'questions mesurées par chemin', '100')
  .option('--provider-delay <ms>', 'attente du fournisseur simulé avant son premier mot, en millisecondes', '200')
  .option('--json', 'affiche le résultat en un objet JSON')
  .action(async (flags: EndToEndBenchmarkFlags & { json?: boolean }) => {
    try {
      const options = endToEndBenchmarkOptionsFromFlags(flags);
      const config = loadConfig({ MILEVA_LOG_LEVEL: 'warn', ...process.env }, { version: MILEVA_VERSION });
      const result = await benchmarkEndToEnd(config, { ...options, onProgress: (line: string) => process.stderr.write(`${line}\n`) });
      process.stdout.write(`${flags.json ? JSON.stringify(result) : formatEndToEndBenchmark(result)}\n`);
      process.exit(0);
    } catch (error) {
      if (error instanceof UsageError) {
        process.stderr.write(`mileva bench e2e : ${error.message}\n`);
        process.exit(64);
      }
      exitOnStartError(error);
    }
  });

bench
  .command('load')
  .description(
    'charge le mode autonome (processus à part, base temporaire, brouillons extractifs) avec des utilisateurs simulés qui posent des questions sur les documents : débit, latence p50/p95/p99, échecs, mémoire du serveur',
  )
  .option('--users <n,n>', 'utilisateurs simultanés de chaque mesure', DEFAULT_LOAD_USERS.join(','))
  .option('--seconds <s>', 'durée de chaque mesure, en secondes', String(DEFAULT_LOAD_SECONDS))
  .option('--think <ms>', 'réflexion moyenne d’un utilisateur entre deux questions, en millisecondes', String(DEFAULT_THINK_MS))
  .option('--docs <dossier>', 'documents ingérés dans la base temporaire (par défaut ../shared/corpus/docs)')
  .option('--json', 'affiche le résultat en un objet JSON')
  .action(async (flags: { users?: string; seconds?: string; think?: string; docs?: string; json?: boolean }) => {
    try {
      const result = await benchmarkLoad({ ...loadOptionsFromFlags(flags), onProgress: (line: string) => process.stderr.write(`${line}\n`) });
      process.stdout.write(`${flags.json ? JSON.stringify(result) : formatLoadBenchmark(result)}\n`);
      process.exit(0);
    } catch (error) {
      if (error instanceof UsageError) {
        process.stderr.write(`mileva bench load : ${error.message}\n`);
        process.exit(64);
      }
      exitOnStartError(error);
    }
  });

const evaluation = program.command('eval').description('mesure la recherche ou l’anonymisation sur un jeu d’évaluation');

evaluation
  .command('retrieval')
  .description('ingère --docs dans une base temporaire, pose chaque question et mesure rappel@1/5/10, MRR@10, les questions sans réponse et le temps par requête')
  .option('--questions <fichier>', 'questions JSONL : {question, source_doc} ou {query, relevant} (relevant vide : sans réponse dans le corpus)')
  .option('--docs <dossier>', 'dossier des documents (ingérés dans une base temporaire, supprimée à la fin)')
  .option('--k <n>', 'rang de coupure du rappel@k et du MRR@k, en plus de 1, 5 et 10 (1 à 50)', '10')
  .option('--json', 'affiche uniquement le résultat, en un objet JSON sur la sortie standard')
  .option('--baseline', 'mesure aussi un BM25 simple (mots du texte des passages) sur la même base, pour comparaison')
  .option('--min-recall5 <x>', 'échoue (code 1) si le rappel@5 est inférieur à x')
  .option('--min-mrr10 <x>', 'échoue si le MRR@10 est inférieur à x')
  .option('--min-mrr-gain <x>', 'échoue si le MRR@10 dépasse celui du BM25 simple de moins de x (avec --baseline)')
  .option('--min-unanswerable-flagged <n>', 'échoue si moins de n questions sans réponse sont signalées comme telles')
  .option('--max-answerable-flagged <n>', 'échoue si plus de n questions avec réponse sont signalées sans réponse')
  .action(async (flags: RetrievalEvalFlags & { json?: boolean }) => {
    let options: RetrievalEvalOptions;
    let result: RetrievalEvalResult;
    try {
      options = retrievalEvalOptionsFromFlags(flags);
      const config = loadConfig({ MILEVA_LOG_LEVEL: 'warn', ...process.env }, { version: MILEVA_VERSION });
      const progress = flags.json ? undefined : createRetrievalEvalProgress((line) => process.stderr.write(`${line}\n`));
      result = await runRetrievalEval(config, options, progress);
    } catch (error) {
      if (error instanceof UsageError) {
        process.stderr.write(`mileva eval retrieval : ${error.message}\n`);
        process.exit(64);
      }
      if (error instanceof ConfigError) exitOnStartError(error);
      process.stderr.write(`mileva eval retrieval : ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    }
    process.stdout.write(`${flags.json ? JSON.stringify(retrievalEvalJson(result)) : formatRetrievalEval(result)}\n`);
    const unmet = checkThresholds(result, options);
    for (const message of unmet) process.stderr.write(`mileva eval retrieval : objectif non atteint — ${message}\n`);
    process.exit(unmet.length > 0 ? 1 : 0);
  });

const collect = (value: string, previous: string[]): string[] => [...previous, value];

evaluation
  .command('anonymization')
  .description('détecte et pseudonymise chaque texte annoté de --data et mesure, par type, précision, rappel et F2, les fuites, les textes sans donnée personnelle modifiés et le temps par texte')
  .option('--data <fichier>', 'textes annotés JSONL : {id, text, entities: [{start, end, type, value}], kind}')
  .option('--json', 'affiche uniquement le résultat, en un objet JSON sur la sortie standard')
  .option('--min-recall <types=x>', 'échoue (code 1) si le rappel d’un de ces types est inférieur à x (ex. NIR,IBAN=0.99 ; répétable)', collect, [])
  .option('--min-precision <types=x>', 'échoue si la précision d’un de ces types est inférieure à x (répétable)', collect, [])
  .option('--max-leaks <n>', 'échoue si plus de n textes laissent passer un NIR, un NUMEN, un IBAN, un e-mail ou un téléphone')
  .option('--max-altered-rate <x>', 'échoue si plus de cette part (0 à 1) des textes sans donnée personnelle est modifiée')
  .option('--max-ms-per-kchar <x>', 'échoue si la pseudonymisation prend plus de x ms pour 1 000 caractères')
  .action(async (flags: AnonymizationEvalFlags & { json?: boolean }) => {
    let options: AnonymizationEvalOptions;
    let result: AnonymizationEvalResult;
    try {
      options = anonymizationEvalOptionsFromFlags(flags);
      result = await runAnonymizationEval(options);
    } catch (error) {
      if (error instanceof UsageError) {
        process.stderr.write(`mileva eval anonymization : ${error.message}\n`);
        process.exit(64);
      }
      process.stderr.write(`mileva eval anonymization : ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    }
    process.stdout.write(`${flags.json ? JSON.stringify(anonymizationEvalJson(result)) : formatAnonymizationEval(result)}\n`);
    const unmet = checkAnonymizationTargets(result, options);
    for (const message of unmet) process.stderr.write(`mileva eval anonymization : objectif non atteint — ${message}\n`);
    process.exit(unmet.length > 0 ? 1 : 0);
  });

program
  .command('ask')
  .description('pose une question et affiche le brouillon de réponse sourcé')
  .argument('<question>', 'la question, entre guillemets')
  .option('--academie <code>', 'académie de la personne qui demande (son corpus est interrogé avec le national)')
  .option('--json', 'affiche le résultat en un objet JSON')
  .action(async (question: string, flags: { academie?: string; json?: boolean }) => {
    try {
      const config = loadConfig({ MILEVA_LOG_LEVEL: 'warn', ...process.env }, { version: MILEVA_VERSION });
      const draft = await runAsk(config, { question, ...(flags.academie ? { academie: flags.academie } : {}) }, flags.json ? undefined : (text) => process.stdout.write(text));
      process.stdout.write(flags.json ? `${JSON.stringify(askJson(draft))}\n` : `\n\n${formatAskSources(draft)}\n`);
      process.exit(0);
    } catch (error) {
      if (error instanceof UsageError) {
        process.stderr.write(`mileva ask : ${error.message}\n`);
        process.exit(64);
      }
      if (error instanceof ServiceError) {
        process.stderr.write(`mileva ask : ${error.message}${error.details?.length ? ` (${error.details.join(' ; ')})` : ''}\n`);
        process.exit(1);
      }
      exitOnStartError(error);
    }
  });

program.parseAsync(process.argv).catch((error: unknown) => exitOnStartError(error));
