import type { LoggerService, LogLevel as NestLogLevel } from '@nestjs/common';
import pino, { type Logger as PinoLogger } from 'pino';
import type { MilevaConfig } from '../config/config';
import { currentCorrelationId } from './correlation';

/**
 * Fields that must never be written to a log, wherever they appear in a logged object:
 * question texts and mappings can carry personal data.
 */
export const REDACTED_PATHS = [
  'question',
  '*.question',
  'text',
  '*.text',
  'mapping',
  '*.mapping',
  'authorization',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
];

/** Creates the process's root pino logger. Every line carries the correlation id of the current request. */
export function createRootLogger(config: Pick<MilevaConfig, 'log' | 'instanceId'>, destination?: pino.DestinationStream): PinoLogger {
  const options: pino.LoggerOptions = {
    level: config.log.level,
    base: { instance: config.instanceId },
    redact: { paths: REDACTED_PATHS, censor: '[masqué]' },
    mixin() {
      const correlationId = currentCorrelationId();
      return correlationId ? { correlationId } : {};
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (destination) {
    return pino(options, destination);
  }
  if (config.log.pretty) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { destination: 2, ignore: 'pid,hostname,instance' } } });
  }
  return pino(options, pino.destination({ dest: 2, sync: false }));
}

/** NestJS logger backed by pino: `new Logger(ClassName.name)` in services ends up here. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly root: PinoLogger) {}

  log(message: unknown, ...optional: unknown[]): void {
    this.write('info', message, optional);
  }
  error(message: unknown, ...optional: unknown[]): void {
    this.write('error', message, optional);
  }
  warn(message: unknown, ...optional: unknown[]): void {
    this.write('warn', message, optional);
  }
  debug(message: unknown, ...optional: unknown[]): void {
    this.write('debug', message, optional);
  }
  verbose(message: unknown, ...optional: unknown[]): void {
    this.write('trace', message, optional);
  }
  fatal(message: unknown, ...optional: unknown[]): void {
    this.write('fatal', message, optional);
  }
  setLogLevels(levels: NestLogLevel[]): void {
    if (levels.length === 0) this.root.level = 'silent';
  }

  private write(level: pino.Level, message: unknown, optional: unknown[]): void {
    // Nest passes the context (class name) last; an error stack may come before it.
    const context = typeof optional[optional.length - 1] === 'string' ? (optional[optional.length - 1] as string) : undefined;
    const rest = context ? optional.slice(0, -1) : optional;
    const logger = context ? this.root.child({ context }) : this.root;
    if (message instanceof Error) {
      logger[level]({ err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      logger[level](message as Record<string, unknown>);
    } else if (rest.length > 0 && typeof rest[0] === 'string' && level === 'error') {
      logger[level]({ stack: rest[0] }, String(message));
    } else {
      logger[level](String(message));
    }
  }
}
