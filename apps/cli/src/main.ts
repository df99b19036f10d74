import { SERVICE_NAMES } from '@mileva/contracts';
import { MILEVA_VERSION, parseServiceList, runProcess, exitOnStartError } from '@mileva/platform';
import { CONFIG_VARIABLES } from '@mileva/runtime';
import { Command } from 'commander';

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
    await runProcess({
      services,
      version: MILEVA_VERSION,
      onStarted: (platform, config) => {
        if (platform.url && services.includes('gateway')) {
          process.stderr.write(`\nMILEVA est prêt (mode ${config.mode === 'standalone' ? 'autonome' : 'distribué'}) : ouvrez ${platform.url}\nCtrl-C pour arrêter.\n\n`);
        }
      },
    });
  });

const later: readonly [string, string][] = [
  ['ingest', 'ingère des documents ou une base de réponses dans un corpus'],
  ['ask', 'pose une question et affiche le brouillon de réponse sourcé'],
  ['eval', 'mesure la recherche ou l’anonymisation sur un jeu d’évaluation'],
  ['bench', 'mesure les performances (ingestion, recherche, réponse, charge)'],
];
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
