import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { settle } from '../../testing/fake-fetch';
import { toFeedbackRequest } from './feedback';
import { FeedbackForm } from './feedback-form';

const EMPTY = { useful: null, reasons: [], outcome: null, minutes: '', comment: '' } as const;

describe(toFeedbackRequest.name, () => {
  it('should send only "useful" when nothing else is filled', () => {
    expect(toFeedbackRequest({ ...EMPTY, useful: true })).toEqual({ ok: true, request: { useful: true } });
  });

  it('should send every field filled, reasons in the contract order, the comment trimmed', () => {
    expect(
      toFeedbackRequest({ useful: false, reasons: ['too_long', 'incomplete'], outcome: 'edited', minutes: ' 15 ', comment: '  Trop générique.  ' }),
    ).toEqual({
      ok: true,
      request: { useful: false, reasons: ['incomplete', 'too_long'], outcome: 'edited', minutesSaved: 15, comment: 'Trop générique.' },
    });
  });

  it('should not send reasons for a useful draft', () => {
    expect(toFeedbackRequest({ ...EMPTY, useful: true, reasons: ['wrong'] })).toEqual({ ok: true, request: { useful: true } });
  });

  it('should accept 0 and 240 minutes', () => {
    expect(toFeedbackRequest({ ...EMPTY, useful: true, minutes: '0' })).toEqual({ ok: true, request: { useful: true, minutesSaved: 0 } });
    expect(toFeedbackRequest({ ...EMPTY, useful: true, minutes: '240' })).toEqual({ ok: true, request: { useful: true, minutesSaved: 240 } });
  });

  it.each(['241', '-1', '2.5', 'dix'])('should refuse %p minutes', (minutes) => {
    expect(toFeedbackRequest({ ...EMPTY, useful: true, minutes })).toEqual({
      ok: false,
      errors: { minutes: 'Indiquez un nombre entier de minutes, entre 0 et 240.' },
    });
  });

  it('should ask whether the draft was useful', () => {
    expect(toFeedbackRequest(EMPTY)).toEqual({ ok: false, errors: { useful: 'Indiquez si le brouillon vous a été utile.' } });
  });

  it('should refuse a comment over 2,000 characters', () => {
    expect(toFeedbackRequest({ ...EMPTY, useful: false, comment: 'x'.repeat(2001) })).toEqual({
      ok: false,
      errors: { comment: 'Le commentaire dépasse 2000 caractères : raccourcissez-le.' },
    });
  });
});

describe(FeedbackForm.name, () => {
  let fixture: ComponentFixture<FeedbackForm>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(FeedbackForm);
    fixture.componentRef.setInput('messageId', 'msg-7');
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  function form(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  function visible(element: Element | null | undefined): string {
    return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  /** The control whose label reads `label`. */
  function control<T extends HTMLElement>(label: string): T {
    const found = Array.from(form().querySelectorAll('label')).find((candidate) => visible(candidate).startsWith(label));
    const target = found ? form().querySelector<T>(`[id="${found.getAttribute('for')}"]`) : null;
    if (!target) throw new Error(`no control labelled ${label}`);
    return target;
  }

  async function click(label: string): Promise<void> {
    control<HTMLInputElement>(label).click();
    await fixture.whenStable();
  }

  async function fill(label: string, value: string): Promise<void> {
    const field = control<HTMLInputElement>(label);
    field.value = value;
    field.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  async function submit(): Promise<void> {
    form().querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
  }

  it('should ask first whether the draft was useful, then show the rest', async () => {
    expect(visible(form().querySelector('legend'))).toBe('Ce brouillon vous a-t-il été utile ?');
    expect(form().querySelector('button[type="submit"]')).toBeNull();

    await click('Utile');

    expect(form().querySelector('button[type="submit"]')).not.toBeNull();
    expect(Array.from(form().querySelectorAll('legend')).map((legend) => visible(legend))).toEqual([
      'Ce brouillon vous a-t-il été utile ?',
      'Qu’avez-vous fait de cette réponse ? Facultatif.',
    ]);
  });

  it('should offer the reasons only when the draft was not useful', async () => {
    await click('Pas utile');

    const reasons = Array.from(form().querySelectorAll('.fr-checkbox-group label')).map((label) => visible(label));
    expect(reasons).toEqual(['Incomplète', 'Erronée', 'Source périmée', 'Sans source', 'Trop longue', 'Autre']);
    const outcomes = Array.from(form().querySelectorAll('.fr-radio-group--sm label')).map((label) => visible(label));
    expect(outcomes).toEqual(['Envoyée telle quelle', 'Modifiée', 'Non utilisée']);
  });

  it('should post the filled feedback to the message and confirm', async () => {
    await click('Pas utile');
    await click('Source périmée');
    await click('Incomplète');
    await click('Modifiée');
    await fill('Temps gagné', '10');
    await fill('Commentaire', 'La circulaire citée date de 2019.');
    await submit();

    const request = http.expectOne('/api/v1/messages/msg-7/feedback');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      useful: false,
      reasons: ['incomplete', 'outdated_source'],
      outcome: 'edited',
      minutesSaved: 10,
      comment: 'La circulaire citée date de 2019.',
    });
    expect(visible(form().querySelector('button[type="submit"]'))).toBe('Envoi en cours…');
    request.flush({ id: 'fb-1' }, { status: 201, statusText: 'Created' });
    await settle();
    await fixture.whenStable();

    const confirmation = form().querySelector('.fr-alert--success');
    expect(confirmation?.getAttribute('role')).toBe('status');
    expect(visible(confirmation)).toBe('Merci : votre avis a été enregistré. Il aide à améliorer les réponses de MILEVA.');
    expect(form().querySelector('form')).toBeNull();
  });

  it('should let the user change the feedback and send it again', async () => {
    await click('Utile');
    await submit();
    http.expectOne('/api/v1/messages/msg-7/feedback').flush({ id: 'fb-1' });
    await settle();
    await fixture.whenStable();

    Array.from(form().querySelectorAll('button')).find((button) => visible(button) === 'Modifier mon avis')?.click();
    await fixture.whenStable();
    await click('Envoyée telle quelle');
    await submit();

    expect(http.expectOne('/api/v1/messages/msg-7/feedback').request.body).toEqual({ useful: true, outcome: 'sent_as_is' });
  });

  it('should highlight personal data in the comment and say it is pseudonymized before storage', async () => {
    await click('Utile');
    await fill('Commentaire', 'Envoyé à Mme Dupont');

    expect(visible(control('Commentaire').closest('.fr-input-group')?.querySelector('.fr-hint-text'))).toContain(
      'Il est pseudonymisé avant d’être enregistré',
    );
    expect(Array.from(form().querySelectorAll('mark')).map((mark) => mark.firstChild?.textContent)).toEqual(['Dupont']);
  });

  it('should not send minutes out of range and say why', async () => {
    await click('Utile');
    await fill('Temps gagné', '300');
    await submit();

    http.expectNone('/api/v1/messages/msg-7/feedback');
    expect(visible(form().querySelector('.fr-error-text'))).toBe('Indiquez un nombre entier de minutes, entre 0 et 240.');
    expect(control('Temps gagné').getAttribute('aria-describedby')).toBe('avis-msg-7-minutes-erreur');
  });

  it('should show the French message when the feedback is refused', async () => {
    await click('Utile');
    await submit();
    http
      .expectOne('/api/v1/messages/msg-7/feedback')
      .flush({ code: 'NOT_FOUND', message: 'Message introuvable.' }, { status: 404, statusText: 'Not Found' });
    await settle();
    await fixture.whenStable();

    const alert = form().querySelector('.fr-alert--error');
    expect(alert?.getAttribute('role')).toBe('alert');
    expect(visible(alert)).toBe('Votre avis n’a pas été enregistré. Message introuvable.');
  });
});
