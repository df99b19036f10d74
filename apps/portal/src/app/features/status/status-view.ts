import { HttpErrorResponse } from '@angular/common/http';
import { TimeoutError } from 'rxjs';
import {
  HealthComponent,
  HealthStatus,
  PlatformHealth,
  ServiceHealth,
  ServiceName,
  UnreachableService,
} from '../../core/health.model';

/** What the status page displays, already worded in French. */
export interface StatusBadge {
  readonly label: string;
  readonly severity: 'success' | 'warning' | 'error';
}

export interface ComponentView {
  readonly name: string;
  readonly badge: StatusBadge;
  readonly latency?: string;
  readonly message?: string;
}

export interface ServiceView {
  readonly key: string;
  readonly name: string;
  readonly technicalName: string;
  readonly corpus: string;
  readonly badge: StatusBadge;
  readonly version: string;
  readonly uptime: string;
  readonly components: readonly ComponentView[];
  /** Why the gateway could not reach the service, when it could not. */
  readonly error?: string;
}

export interface PlatformView {
  readonly badge: StatusBadge;
  readonly mode: string;
  readonly modeHint: string;
  readonly checkedAt: string;
  readonly checkedAtLabel: string;
  readonly servicesUp: number;
  readonly services: readonly ServiceView[];
}

const NOT_APPLICABLE = '—';

const SERVICE_NAMES: Readonly<Record<ServiceName, string>> = {
  gateway: 'Passerelle',
  ingestion: 'Intégration des documents',
  retrieval: 'Recherche documentaire',
  generation: 'Rédaction des réponses',
  anonymization: 'Masquage des données personnelles',
  analytics: 'Statistiques',
};

const COMPONENT_NAMES: Readonly<Record<string, string>> = {
  database: 'Base de données',
  nats: 'Messagerie NATS',
  broker: 'Messagerie',
  llm: 'Modèle de langage',
  embeddings: 'Modèle de vectorisation',
};

const MODES: Readonly<Record<PlatformHealth['mode'], { label: string; hint: string }>> = {
  standalone: { label: 'autonome', hint: 'tous les services tournent dans un seul processus' },
  distributed: { label: 'distribué', hint: 'chaque service tourne dans son propre processus' },
};

const PLATFORM_BADGES: Readonly<Record<HealthStatus, StatusBadge>> = {
  up: { label: 'Opérationnel', severity: 'success' },
  down: { label: 'Dégradé', severity: 'warning' },
};

const SERVICE_BADGES: Readonly<Record<HealthStatus, StatusBadge>> = {
  up: { label: 'Opérationnel', severity: 'success' },
  down: { label: 'En panne', severity: 'error' },
};

const UNREACHABLE_BADGE: StatusBadge = { label: 'Injoignable', severity: 'error' };

const CHECKED_AT_FORMAT = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'medium' });

export function toPlatformView(health: PlatformHealth): PlatformView {
  const mode = MODES[health.mode] ?? { label: health.mode, hint: '' };
  return {
    badge: PLATFORM_BADGES[health.status],
    mode: mode.label,
    modeHint: mode.hint,
    checkedAt: health.checkedAt,
    checkedAtLabel: formatDateTime(health.checkedAt),
    servicesUp: health.services.filter((service) => service.status === 'up').length,
    services: health.services.map(toServiceView),
  };
}

function toServiceView(service: ServiceHealth | UnreachableService): ServiceView {
  const common = {
    name: SERVICE_NAMES[service.service] ?? service.service,
    technicalName: service.service,
    corpus: service.corpus ?? NOT_APPLICABLE,
  };
  if (isUnreachable(service)) {
    return {
      ...common,
      key: `${service.service}/${service.corpus ?? ''}`,
      badge: UNREACHABLE_BADGE,
      version: NOT_APPLICABLE,
      uptime: NOT_APPLICABLE,
      components: [],
      error: service.error,
    };
  }
  return {
    ...common,
    key: `${service.service}/${service.corpus ?? ''}/${service.instanceId}`,
    badge: SERVICE_BADGES[service.status],
    version: service.version,
    uptime: formatUptime(service.uptimeSeconds),
    components: Object.entries(service.components).map(([name, component]) => toComponentView(name, component)),
  };
}

function toComponentView(name: string, component: HealthComponent): ComponentView {
  return {
    name: COMPONENT_NAMES[name] ?? name,
    badge: SERVICE_BADGES[component.status],
    latency: component.ms === undefined ? undefined : formatLatency(component.ms),
    message: component.message,
  };
}

function isUnreachable(service: ServiceHealth | UnreachableService): service is UnreachableService {
  return 'error' in service;
}

const UNITS: readonly (readonly [seconds: number, singular: string, plural: string])[] = [
  [86_400, 'jour', 'jours'],
  [3_600, 'heure', 'heures'],
  [60, 'minute', 'minutes'],
  [1, 'seconde', 'secondes'],
];

/** "2 jours 3 heures", "5 minutes 12 secondes": the two largest non-zero units, spelled out for screen readers. */
export function formatUptime(totalSeconds: number): string {
  let rest = Math.max(0, Math.floor(totalSeconds));
  const counts = UNITS.map(([size, singular, plural]) => {
    const count = Math.floor(rest / size);
    rest -= count * size;
    return { count, word: count > 1 ? plural : singular };
  });
  const first = counts.findIndex(({ count }) => count > 0);
  if (first === -1) {
    return '0 seconde';
  }
  return counts
    .slice(first, first + 2)
    .filter(({ count }) => count > 0)
    .map(({ count, word }) => `${count} ${word}`)
    .join(' ');
}

export function formatLatency(ms: number): string {
  return ms < 1 ? 'moins de 1 ms' : `${Math.round(ms)} ms`;
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : CHECKED_AT_FORMAT.format(date);
}

/** Short French reason for a failed health request, shown under the "server does not answer" message. */
export function describeFailure(error: unknown): string {
  if (error instanceof TimeoutError) {
    return 'pas de réponse dans le délai imparti';
  }
  if (error instanceof HttpErrorResponse) {
    if (error.status === 0) {
      return 'connexion impossible';
    }
    if (error.status >= 200 && error.status < 300) {
      return 'réponse illisible';
    }
    return `code HTTP ${error.status}`;
  }
  return 'erreur inattendue';
}
