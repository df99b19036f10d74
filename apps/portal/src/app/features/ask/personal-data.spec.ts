import { ComponentFixture, TestBed } from '@angular/core/testing';
import { previewPersonalData } from './personal-data';
import { PersonalDataPreview } from './personal-data-preview';

const QUESTION = 'Mme Dupont demande sa mutation, joignable au 06 12 34 56 78 ou à martine.dupont@example.org.';

describe(previewPersonalData.name, () => {
  it('should cut the text around each personal value, naming its kind and placeholder', () => {
    const preview = previewPersonalData(QUESTION);
    const personal = preview.segments.filter((segment) => segment.kind === 'personal');

    expect(personal).toEqual([
      expect.objectContaining({ text: 'Dupont', label: 'nom de personne', placeholder: '[PERSONNE_…]' }),
      expect.objectContaining({ text: '06 12 34 56 78', label: 'numéro de téléphone', placeholder: '[TELEPHONE_…]' }),
      expect.objectContaining({ text: 'martine.dupont@example.org', label: 'adresse électronique', placeholder: '[EMAIL_…]' }),
    ]);
    expect(preview.count).toBe(3);
    expect(preview.kinds).toEqual(['nom de personne', 'numéro de téléphone', 'adresse électronique']);
  });

  it('should keep every character of the text, in order', () => {
    const preview = previewPersonalData(QUESTION);

    expect(preview.segments.map((segment) => segment.text).join('')).toBe(QUESTION);
  });

  it('should find nothing in a question without personal data, with its acronyms', () => {
    const preview = previewPersonalData('Un enseignant stagiaire en CLM peut-il être titularisé ? PACS et mutation inter.');

    expect(preview.count).toBe(0);
    expect(preview.segments.every((segment) => segment.kind === 'text')).toBe(true);
  });

  it('should give nothing for an empty text', () => {
    expect(previewPersonalData('   ')).toEqual({ segments: [], count: 0, kinds: [] });
  });
});

describe(PersonalDataPreview.name, () => {
  let fixture: ComponentFixture<PersonalDataPreview>;

  function render(text: string): HTMLElement {
    fixture.componentRef.setInput('text', text);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  function visible(element: Element | null): string {
    return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  beforeEach(() => {
    fixture = TestBed.createComponent(PersonalDataPreview);
    fixture.componentRef.setInput('statusId', 'question-donnees');
  });

  it('should highlight the values found and say they will be replaced, in a polite live region', () => {
    const element = render(QUESTION);
    const status = element.querySelector('#question-donnees');

    expect(status?.getAttribute('aria-live')).toBe('polite');
    expect(visible(status)).toBe(
      '3 données personnelles repérées (nom de personne, numéro de téléphone, adresse électronique) : elles seront remplacées par des repères dès que la question arrive sur le serveur MILEVA, avant toute recherche ou rédaction.',
    );
    const marks = Array.from(element.querySelectorAll('mark'));
    expect(marks.map((mark) => mark.firstChild?.textContent)).toEqual(['Dupont', '06 12 34 56 78', 'martine.dupont@example.org']);
    expect(visible(marks[0])).toBe('Dupont (nom de personne, masqué)');
    expect(marks[1].getAttribute('title')).toBe('numéro de téléphone, remplacé par [TELEPHONE_…]');
  });

  it('should follow the text as it is typed', () => {
    render('Mutation de');
    expect(render('Mutation de').querySelectorAll('mark')).toHaveLength(0);

    const element = render('Mutation de M. Jean Martin');

    expect(Array.from(element.querySelectorAll('mark')).map((mark) => mark.firstChild?.textContent)).toEqual(['Jean Martin']);
    expect(visible(element.querySelector('#question-donnees'))).toMatch(/^1 donnée personnelle repérée \(nom de personne\) : elle sera remplacée/);
  });

  it('should tell when nothing was found without showing a preview', () => {
    const element = render('CLM enseignant stagiaire');

    expect(visible(element.querySelector('#question-donnees'))).toMatch(/^Aucune donnée personnelle repérée\./);
    expect(element.querySelector('.mlv-pii__text')).toBeNull();
  });

  it('should say nothing while the field is empty', () => {
    const element = render('');

    expect(visible(element.querySelector('#question-donnees'))).toBe('');
  });

  it('should word the reminder for a comment stored pseudonymized', () => {
    fixture.componentRef.setInput('replacedWhen', 'avant l’enregistrement du commentaire');
    const element = render('Merci, appelé M. Jean Martin.');

    expect(visible(element.querySelector('#question-donnees'))).toContain('remplacée par des repères avant l’enregistrement du commentaire.');
  });
});
