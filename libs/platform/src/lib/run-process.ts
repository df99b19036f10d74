import { isServiceName, SERVICE_NAMES, type ServiceName } from '@mileva/contracts';
import { ConfigError, loadConfig, type MilevaConfig } from '@mileva/runtime';
import { startPlatform, type PlatformOptions, type RunningPlatform } from './platform';

export interface RunProcessOptions {
  readonly services: readonly ServiceName[];
  readonly version: string;
  /** Called once the process is up (the CLI prints where the portal is). */
  readonly onStarted?: (platform: RunningPlatform, config: MilevaConfig) => void;
  /** Seed an empty national corpus once started (see {@link PlatformOptions.seed}). */
  readonly seed?: PlatformOptions['seed'];
}

/**
 * Entry point of a MILEVA process: reads the configuration, starts the services, stops cleanly
 * on SIGINT/SIGTERM (a second signal forces the exit). A configuration error prints one line
 * naming the variable and exits with status 78 (configuration error), without a stack trace.
 */
export async function runProcess(options: RunProcessOptions): Promise<void> {
  let platform: RunningPlatform | undefined;
  try {
    const config = loadConfig(process.env, { version: options.version });
    if (options.services.length === 1 && config.mode !== 'distributed' && options.services[0] !== 'gateway') {
      throw new ConfigError('MILEVA_NATS_URL', 'MILEVA_NATS_URL est requis pour lancer un service seul (mode distribué) ; pour tout lancer dans un processus, utilisez « npm start ».');
    }
    platform = await startPlatform({ config, services: options.services, seed: options.seed });
    options.onStarted?.(platform, config);
  } catch (error) {
    exitOnStartError(error);
    return;
  }
  const running = platform;
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      process.stderr.write('Arrêt forcé.\n');
      process.exit(130);
    }
    stopping = true;
    process.stderr.write(`\nArrêt de MILEVA (${signal})…\n`);
    running
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        process.stderr.write(`Arrêt incomplet : ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Parses a comma-separated list of service names (`--service retrieval`). */
export function parseServiceList(value: string): ServiceName[] {
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !isServiceName(name));
  if (unknown.length > 0 || names.length === 0) {
    throw new ConfigError('--service', `Service inconnu : ${unknown.join(', ') || '(aucun)'} ; services possibles : ${SERVICE_NAMES.join(', ')}`);
  }
  return names as ServiceName[];
}

export function exitOnStartError(error: unknown): never {
  if (error instanceof ConfigError) {
    process.stderr.write(`mileva : ${error.message}\n`);
    process.exit(78);
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`mileva : démarrage impossible — ${message}\n`);
  process.exit(1);
}
