import { isAcademieCode } from '@mileva/rh-taxonomy';
import { LocalTransport, type MilevaConfig } from '@mileva/runtime';
import { AskService, type AskedDraft } from '@mileva/service-gateway';
import { randomUUID } from 'node:crypto';
import { lastValueFrom, tap } from 'rxjs';
import { startPlatform } from '../platform';
import { UsageError } from './ingest.command';

export interface AskCommandOptions {
  readonly question: string;
  /** Académie of the asker: its corpus is searched with the national one. */
  readonly academie?: string;
}

/** The `--json` output of `mileva ask`. */
export interface AskJson {
  readonly answer: string;
  readonly answerable: boolean;
  readonly citations: readonly { readonly n: number; readonly documentId: string; readonly title: string; readonly passage: string }[];
  readonly followUpQuestions: readonly string[];
  readonly aiNotice: string;
  readonly provider: string;
  readonly ms: number;
}

/** The user a command-line question is asked as. */
const CLI_USER = 'cli';

/**
 * Runs the whole question path on the configured data, in this process: pseudonymization, search
 * of the national and académie corpora, generation, re-filling. `onToken` receives the draft as it
 * is written. The embedded database must not be in use by a running MILEVA.
 */
export async function runAsk(config: MilevaConfig, options: AskCommandOptions, onToken?: (text: string) => void): Promise<AskedDraft> {
  if (options.question.trim() === '') throw new UsageError('Indiquez la question entre guillemets : mileva ask "…".');
  if (options.academie !== undefined && options.academie !== 'national' && !isAcademieCode(options.academie)) {
    throw new UsageError(`--academie : « ${options.academie} » n’est pas un code d’académie (ex. lyon, aix-marseille).`);
  }
  const platform = await startPlatform({
    config: { ...config, healthPort: 0, http: { ...config.http, port: 0, host: '127.0.0.1' }, ingestion: { ...config.ingestion, seed: false } },
    services: ['gateway', 'retrieval', 'generation', 'anonymization'],
    transport: new LocalTransport(),
  });
  try {
    let draft: AskedDraft | undefined;
    await lastValueFrom(
      platform.app
        .get(AskService)
        .ask({
          text: options.question,
          userId: CLI_USER,
          ...(options.academie && options.academie !== 'national' ? { academie: options.academie } : {}),
          conversationId: randomUUID(),
        })
        .pipe(
          tap((event) => {
            if (event.type === 'token') onToken?.(event.text);
            else draft = event.draft;
          }),
        ),
      { defaultValue: undefined },
    );
    if (!draft) throw new Error('aucun brouillon reçu du service de génération');
    return draft;
  } finally {
    await platform.close();
  }
}

export function askJson(draft: AskedDraft): AskJson {
  return {
    answer: draft.answer,
    answerable: draft.answerable,
    citations: draft.citations.map((citation) => ({ n: citation.n, documentId: citation.documentId, title: citation.title, passage: citation.passage })),
    followUpQuestions: draft.followUpQuestions,
    aiNotice: draft.aiNotice,
    provider: draft.provider,
    ms: draft.ms,
  };
}

/** The sources and notes printed after a streamed draft. */
export function formatAskSources(draft: AskedDraft): string {
  const lines: string[] = [];
  if (draft.fallback) lines.push(`Remarque : ${draft.fallback.reason}`);
  if (draft.degraded.length > 0) lines.push(`Réponse partielle : ${draft.degraded.map((corpus) => `corpus ${corpus.corpus} indisponible`).join(', ')}.`);
  if (draft.unsupported.length > 0) lines.push(`À vérifier (citation non étayée) :\n${draft.unsupported.map((sentence) => `  - ${sentence}`).join('\n')}`);
  if (draft.citations.length > 0) {
    lines.push('Sources :');
    for (const citation of draft.citations) {
      const where = [citation.headingPath.slice(1).join(' > '), citation.page ? `p. ${citation.page}` : ''].filter(Boolean).join(', ');
      lines.push(`  [${citation.n}] ${citation.title}${where ? ` — ${where}` : ''}${citation.local ? ' (règle académique)' : ''} (${citation.sourceUri})`);
    }
  }
  lines.push(`(${draft.provider}${draft.model ? ` ${draft.model}` : ''}, ${draft.ms} ms)`);
  return lines.join('\n');
}
