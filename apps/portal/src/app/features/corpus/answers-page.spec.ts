import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AnswerEntry } from '../../core/api.model';
import { settle } from '../../testing/fake-fetch';
import { AnswersPage } from './answers-page';

const ENTRIES: AnswerEntry[] = [
  {
    id: 'e-1',
    corpus: 'lyon',
    question: '[PERSONNE_1] demande combien de jours de congé bonifié il peut prendre.',
    answer: 'Le congé bonifié dure au plus 31 jours consécutifs.',
    theme: 'conges-annuels',
    reviewStatus: 'to_review',
    sourceRef: 'base.csv:2',
  },
  {
    id: 'e-2',
    corpus: 'lyon',
    question: 'Un agent à temps partiel peut-il surcotiser ?',
    answer: 'Oui, dans la limite de quatre trimestres.',
    theme: null,
    reviewStatus: 'to_review',
    sourceRef: 'base.csv:3',
  },
];

describe(AnswersPage.name, () => {
  let fixture: ComponentFixture<AnswersPage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AnswersPage);
    await fixture.whenStable();
    http.expectOne((request) => request.url === '/api/v1/corpus/answers' && request.params.get('status') === 'to_review').flush({ corpus: 'lyon', answers: ENTRIES });
    await refresh();
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

  function entry(id: string): HTMLElement | null {
    return page().querySelector<HTMLElement>(`[data-entry="${id}"]`);
  }

  async function click(id: string, label: string): Promise<void> {
    const button = Array.from(entry(id)?.querySelectorAll('button') ?? []).find((candidate) => visible(candidate) === label);
    if (!button) throw new Error(`no button ${label} on ${id}`);
    button.click();
    await refresh();
  }

  function review(id: string): TestRequest {
    return http.expectOne((request) => request.method === 'POST' && request.url === `/api/v1/corpus/answers/${id}/review`);
  }

  it('should show each pseudonymized question and answer waiting for review, with where it came from', () => {
    expect(visible(entry('e-1')?.querySelector('h3'))).toBe('[PERSONNE_1] demande combien de jours de congé bonifié il peut prendre.');
    expect(visible(entry('e-1'))).toContain('Le congé bonifié dure au plus 31 jours consécutifs.');
    expect(visible(entry('e-1'))).toContain('base.csv:2 · Thème : Congés annuels');
    expect(visible(entry('e-2'))).toContain('Thème : —');
  });

  it('should approve an entry as it is and take it out of the queue', async () => {
    await click('e-1', 'Approuver');
    const request = review('e-1');
    expect(request.request.body).toEqual({ decision: 'approve' });
    request.flush({ ...ENTRIES[0], reviewStatus: 'approved' });
    await refresh();

    expect(entry('e-1')).toBeNull();
    expect(entry('e-2')).not.toBeNull();
    expect(visible(page().querySelector('.fr-sr-only[role="status"]'))).toBe('Réponse approuvée : elle est désormais proposée dans les recherches.');
  });

  it('should send only the corrected text when an entry is edited then approved', async () => {
    await click('e-2', 'Modifier puis approuver');
    const textarea = page().querySelector<HTMLTextAreaElement>('#reponse-e-2');
    expect(textarea?.value).toBe('Oui, dans la limite de quatre trimestres.');
    if (!textarea) return;
    textarea.value = 'Oui, sur demande, dans la limite de quatre trimestres sur toute la carrière.';
    textarea.dispatchEvent(new Event('input'));
    await refresh();
    await click('e-2', 'Enregistrer et approuver');

    const request = review('e-2');
    expect(request.request.body).toEqual({ decision: 'approve', answer: 'Oui, sur demande, dans la limite de quatre trimestres sur toute la carrière.' });
    request.flush({ ...ENTRIES[1], answer: 'Oui, sur demande, dans la limite de quatre trimestres sur toute la carrière.', reviewStatus: 'approved' });
    await refresh();
    expect(entry('e-2')).toBeNull();
  });

  it('should reject an entry, and keep it with the gateway’s message when the review fails', async () => {
    await click('e-1', 'Rejeter');
    review('e-1').flush({ code: 'UNAVAILABLE', message: 'Le service d’anonymisation ne répond pas : réessayez.' }, { status: 503, statusText: 'Unavailable' });
    await refresh();
    expect(entry('e-1')).not.toBeNull();
    expect(visible(page().querySelector('.fr-alert--error'))).toContain('Le service d’anonymisation ne répond pas : réessayez.');

    await click('e-1', 'Rejeter');
    const request = review('e-1');
    expect(request.request.body).toEqual({ decision: 'reject' });
    request.flush({ ...ENTRIES[0], reviewStatus: 'rejected' });
    await refresh();
    expect(entry('e-1')).toBeNull();
    expect(visible(page().querySelector('.fr-sr-only[role="status"]'))).toBe('Réponse rejetée.');
  });

  it('should import a file and reload the queue', async () => {
    const input = page().querySelector<HTMLInputElement>('#import-fichier');
    if (!input) throw new Error('no file input');
    Object.defineProperty(input, 'files', { value: [new File(['question;reponse'], 'base.csv')] });
    input.dispatchEvent(new Event('change'));
    page().querySelector<HTMLButtonElement>('.mlv-import button[type="submit"]')?.click();
    await refresh();

    const request = http.expectOne('/api/v1/corpus/answers/import');
    expect(((request.request.body as FormData).get('file') as File).name).toBe('base.csv');
    request.flush({ corpus: 'lyon', stored: 3, duplicates: 1, failed: [{ file: 'base.csv:5', code: 'INVALID_ENTRY', message: 'base.csv:5 : question ou réponse manquante.' }] });
    await refresh();
    http.expectOne((candidate) => candidate.url === '/api/v1/corpus/answers').flush({ corpus: 'lyon', answers: ENTRIES });
    await refresh();

    expect(visible(page().querySelector('.fr-alert--warning'))).toBe('3 réponses à relire, 1 déjà présente, 1 refusée. base.csv:5 : question ou réponse manquante.');
  });
});
