import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { CorpusJob, DocumentSummary } from '../../core/api.model';
import { settle } from '../../testing/fake-fetch';
import { UploadForm } from './upload-form';
import { JOB_POLL_INTERVAL } from './upload-progress';

const STARTED: CorpusJob = { id: 'j-7', corpus: 'lyon', kind: 'upload', state: 'running', total: 2, done: 0, chunks: 0, files: [], startedAt: '2025-09-01T08:00:00.000Z' };

const DOCUMENT: DocumentSummary = {
  id: 'd-1',
  corpus: 'lyon',
  title: 'Note sur les astreintes',
  sourceUri: 'astreintes.md',
  theme: 'remuneration',
  validFrom: '2024-09-01',
  validTo: null,
  version: 1,
  status: 'active',
  kind: 'document',
  chunks: 4,
  pages: null,
  updatedAt: '2025-09-01T08:00:00.000Z',
};

describe(UploadForm.name, () => {
  let fixture: ComponentFixture<UploadForm>;
  let http: HttpTestingController;
  let finished: CorpusJob[];

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), { provide: JOB_POLL_INTERVAL, useValue: 5 }] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(UploadForm);
    finished = [];
    fixture.componentInstance.finished.subscribe((job) => finished.push(job));
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  function page(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  function visible(element: Element | null | undefined): string {
    return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  async function refresh(): Promise<void> {
    await settle();
    await fixture.whenStable();
  }

  async function choose(files: File[]): Promise<void> {
    const input = page().querySelector<HTMLInputElement>('input[type="file"]');
    if (!input) throw new Error('no file input');
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    input.dispatchEvent(new Event('change'));
    await refresh();
  }

  async function select(id: string, value: string): Promise<void> {
    const field = page().querySelector<HTMLInputElement | HTMLSelectElement>(`[id$="${id}"]`);
    if (!field) throw new Error(`no field ${id}`);
    field.value = value;
    field.dispatchEvent(new Event('change'));
    await refresh();
  }

  async function submit(): Promise<void> {
    page().querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await refresh();
  }

  function bar(): { value: number; label: string } | null {
    const progress = page().querySelector('progress');
    if (!progress) return null;
    const label = page().querySelector(`#${progress.getAttribute('aria-labelledby') ?? 'none'}`);
    return { value: Number(progress.getAttribute('value')), label: visible(label) };
  }

  it('should send the files with theme and validity, then show a bar for the bytes sent and for the files handled, then each file’s outcome', async () => {
    await choose([new File(['# Note A'], 'note-a.md'), new File(['%PDF'], 'circulaire.pdf')]);
    await select('-theme', 'remuneration');
    await select('-debut', '2025-09-01');
    await submit();

    const upload = http.expectOne((request) => request.url === '/api/v1/corpus/documents');
    expect(upload.request.method).toBe('POST');
    const form = upload.request.body as FormData;
    expect((form.getAll('files') as File[]).map((file) => file.name)).toEqual(['note-a.md', 'circulaire.pdf']);
    expect([form.get('theme'), form.get('validFrom'), form.get('validTo')]).toEqual(['remuneration', '2025-09-01', null]);
    expect(page().querySelector<HTMLButtonElement>('button[type="submit"]')?.disabled).toBe(true);

    upload.event({ type: HttpEventType.UploadProgress, loaded: 300, total: 1200 });
    await refresh();
    expect(bar()).toEqual({ value: 25, label: 'Envoi des fichiers : 25 %' });

    upload.flush(STARTED, { status: 202, statusText: 'Accepted' });
    await refresh();
    expect(bar()).toEqual({ value: 0, label: 'Traitement des fichiers : 0 sur 2 (0 %)' });

    await new Promise((resolve) => setTimeout(resolve, 10));
    http.expectOne('/api/v1/corpus/jobs/j-7').flush({ ...STARTED, done: 1, files: [{ file: 'note-a.md', status: 'ingested', version: 1, chunks: 3, documentId: 'd-9' }] });
    await refresh();
    expect(bar()).toEqual({ value: 50, label: 'Traitement des fichiers : 1 sur 2 (50 %)' });

    await new Promise((resolve) => setTimeout(resolve, 10));
    const done: CorpusJob = {
      ...STARTED,
      state: 'finished',
      done: 2,
      chunks: 3,
      files: [
        { file: 'note-a.md', status: 'ingested', version: 1, chunks: 3, documentId: 'd-9' },
        { file: 'circulaire.pdf', status: 'failed', chunks: 0, code: 'NO_TEXT_LAYER', message: 'circulaire.pdf est une image numérisée sans texte.' },
      ],
    };
    http.expectOne('/api/v1/corpus/jobs/j-7').flush(done);
    await refresh();

    // The bar stays, full, beside the outcome: it reaches its end even when the job ended between two polls.
    expect(bar()).toEqual({ value: 100, label: 'Traitement terminé : 2 sur 2 (100 %)' });
    expect(visible(page().querySelector('.fr-alert--warning'))).toBe('2 fichiers traités : 1 ajouté, 1 en échec.');
    expect(Array.from(page().querySelectorAll('.mlv-outcomes li')).map(visible)).toEqual([
      'note-a.md — ajouté, version 1, 3 passages',
      'circulaire.pdf — échec : circulaire.pdf est une image numérisée sans texte.',
    ]);
    expect(visible(page().querySelector('[role="status"]'))).toBe('Traitement terminé. 2 fichiers traités : 1 ajouté, 1 en échec.');
    expect(finished.map((job) => job.id)).toEqual(['j-7']);
    expect(page().querySelector<HTMLButtonElement>('button[type="submit"]')?.disabled).toBe(false);
  });

  it('should show the gateway’s French refusal of a file too large, and ask nothing more', async () => {
    await choose([new File(['x'], 'rapport.pdf')]);
    await submit();
    http
      .expectOne('/api/v1/corpus/documents')
      .flush({ code: 'TOO_LARGE', message: 'rapport.pdf dépasse la taille maximale de 50 Mo (MILEVA_INGEST_MAX_FILE_MB).' }, { status: 413, statusText: 'Payload Too Large' });
    await refresh();

    expect(visible(page().querySelector('.fr-alert--error'))).toBe('rapport.pdf dépasse la taille maximale de 50 Mo (MILEVA_INGEST_MAX_FILE_MB).');
    expect(finished).toEqual([]);
  });

  it('should ask for a file before sending anything', async () => {
    await submit();

    http.expectNone('/api/v1/corpus/documents');
    expect(visible(page().querySelector('.fr-error-text'))).toBe('Choisissez au moins un fichier.');
  });

  it('should send one file as the next version of a document, in the administrator’s chosen corpus', async () => {
    fixture.componentRef.setInput('replacing', DOCUMENT);
    fixture.componentRef.setInput('corpus', 'national');
    await refresh();
    expect(visible(page().querySelector('legend'))).toBe('Nouvelle version de « Note sur les astreintes »');

    await choose([new File(['# Astreintes 2025'], 'astreintes-2025.md')]);
    await submit();

    const replace = http.expectOne((request) => request.url === '/api/v1/corpus/documents/d-1');
    expect(replace.request.method).toBe('PUT');
    expect(replace.request.params.get('corpus')).toBe('national');
    expect(((replace.request.body as FormData).get('file') as File).name).toBe('astreintes-2025.md');
    // Theme and dates left empty: the document's own are kept by the gateway.
    expect((replace.request.body as FormData).get('theme')).toBeNull();
    replace.flush({ ...STARTED, kind: 'replace', total: 1, state: 'finished', done: 1, files: [{ file: 'astreintes-2025.md', status: 'updated', version: 2, chunks: 5 }] });
    await refresh();

    expect(visible(page().querySelector('.fr-alert--success'))).toBe('1 fichier traité : 1 remplacé par une nouvelle version.');
    expect(finished).toHaveLength(1);
  });
});
