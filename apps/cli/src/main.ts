import { SERVICE_NAMES, type IngestionSummary } from '@mileva/contracts';
import {
  benchmarkIngestion,
  checkThresholds,
  createRetrievalEvalProgress,
  exitOnStartError,
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
} from '@mileva/platform';
import { CONFIG_VARIABLES, loadConfig } from '@mileva/runtime';
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

const evaluation = program.command('eval').description('mesure la qualité sur un jeu d’évaluation et échoue sous les seuils donnés');

evaluation
  .command('retrieval')
  .description('construit un corpus temporaire depuis --docs, pose chaque question et mesure rappel@1/5/10 et MRR@10 au niveau des documents')
  .requiredOption('--questions <fichier>', 'questions au format JSONL (question + source_doc, ou query + relevant)')
  .requiredOption('--docs <dossier>', 'dossier des documents du corpus')
  .option('--k <n>', 'rang de coupure supplémentaire', '10')
  .option('--baseline', 'mesure aussi le plein texte seul (BM25) sur la même base')
  .option('--json', 'affiche uniquement le résultat, en un objet JSON')
  .option('--min-recall5 <x>', 'seuil minimal de rappel@5')
  .option('--min-mrr10 <x>', 'seuil minimal de MRR@10')
  .option('--min-mrr-gain <x>', 'gain minimal de MRR@10 sur le plein texte seul (avec --baseline)')
  .option('--min-unanswerable-flagged <n>', 'questions sans réponse à signaler au minimum')
  .option('--max-answerable-flagged <n>', 'questions avec réponse signalées sans réponse au maximum')
  .action(async (flags: RetrievalEvalFlags & { json?: boolean }) => {
    try {
      const options = retrievalEvalOptionsFromFlags(flags);
      const config = loadConfig({ MILEVA_LOG_LEVEL: 'warn', ...process.env }, { version: MILEVA_VERSION });
      const progress = flags.json ? undefined : createRetrievalEvalProgress((line) => process.stderr.write(`${line}\n`));
      const result = await runRetrievalEval(config, options, progress);
      process.stdout.write(`${flags.json ? JSON.stringify(retrievalEvalJson(result)) : formatRetrievalEval(result)}\n`);
      const unmet = checkThresholds(result, options);
      for (const message of unmet) process.stderr.write(`Objectif non atteint : ${message}\n`);
      process.exit(unmet.length > 0 ? 1 : 0);
    } catch (error) {
      if (error instanceof UsageError) {
        process.stderr.write(`mileva eval retrieval : ${error.message}\n`);
        process.exit(64);
      }
      exitOnStartError(error);
    }
  });

const later: readonly [string, string][] = [['ask', 'pose une question et affiche le brouillon de réponse sourcé']];
for (const [name, description] of later) {
  program
    .command(name)
    .description(`${description} (pas encore disponible dans cette version)`)
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .action(() => {
      process.stderr.write(`mileva ${name} : commande pas encore disponible dans la version ${MILEVA_VERSION}.\n`);
      process.exit(2);
    });
}

program.parseAsync(process.argv).catch((error: unknown) => exitOnStartError(error));
