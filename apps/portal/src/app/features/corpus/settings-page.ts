import { ChangeDetectionStrategy, Component, effect, inject, signal, untracked } from '@angular/core';
// The drafts' own defaults, shown where the académie sets nothing.
import { DEFAULT_AI_NOTICE, DEFAULT_CONTACT } from '@mileva/drafting';
import { ApiError, toApiError } from '../../core/api-error';
import { AcademieSettings, INSTRUCTIONS_MAX_CHARS, SETTINGS_SHORT_TEXT_MAX_CHARS } from '../../core/api.model';
import { CorpusApi } from '../../core/corpus-api';
import { CorpusContext } from './corpus-context';
import { CorpusNav } from './corpus-nav';


/**
 * `/corpus/parametres`: the académie's drafting settings. Instructions for the drafts, the wording of the AI-use
 * mention, and the contact the drafts point to when the documents do not answer (a name, and an e-mail or web
 * address). Each save is a new version.
 */
@Component({
  selector: 'mlv-corpus-settings-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CorpusNav],
  template: `
    <div class="fr-container fr-my-6w">
      <h1>Consignes et contact</h1>
      <mlv-corpus-nav />

      @if (failure(); as error) {
        <div class="fr-alert fr-alert--error fr-mb-2w" role="alert">
          <h2 class="fr-alert__title">{{ failureTitle() }}</h2>
          <p>{{ error.message }}</p>
          @for (detail of error.details; track $index) {
            <p>{{ detail }}</p>
          }
        </div>
      }
      <p class="fr-sr-only" role="status">{{ status() }}</p>

      @if (loaded()) {
        <form novalidate (submit)="save($event)">
          <div class="fr-input-group">
            <label class="fr-label" for="consignes">
              Consignes de rédaction
              <span class="fr-hint-text">Données au modèle qui rédige les brouillons (ton, formules, rappels propres à l’académie). Elles ne remplacent jamais les documents.</span>
            </label>
            <textarea class="fr-input" id="consignes" rows="6" [attr.maxlength]="instructionsMax" [value]="instructions()" (input)="instructions.set(valueOf($event))"></textarea>
          </div>
          <div class="fr-input-group">
            <label class="fr-label" for="mention">
              Mention d’usage de l’IA
              <span class="fr-hint-text">Ajoutée à la fin de chaque brouillon. Laissez vide pour la mention nationale : « {{ defaultNotice }} »</span>
            </label>
            <textarea class="fr-input" id="mention" rows="2" [attr.maxlength]="shortMax" [value]="aiNotice()" (input)="aiNotice.set(valueOf($event))"></textarea>
          </div>
          <fieldset class="fr-fieldset" aria-labelledby="contact-legende">
            <legend class="fr-fieldset__legend" id="contact-legende">
              Contact quand les documents ne répondent pas
              <span class="fr-hint-text">Sans contact, les brouillons orientent vers « {{ defaultContact }} ».</span>
            </legend>
            <div class="fr-fieldset__element">
              <div class="fr-input-group">
                <label class="fr-label" for="contact-nom">
                  Nom du service
                  <span class="fr-hint-text">Avec son article, tel qu’il se lit dans une phrase : « la division des personnels enseignants ».</span>
                </label>
                <input class="fr-input" type="text" id="contact-nom" [attr.maxlength]="shortMax" [value]="contact()" (input)="contact.set(valueOf($event))" />
              </div>
            </div>
            <div class="fr-fieldset__element">
              <div class="fr-input-group" [class.fr-input-group--error]="addressError()">
                <label class="fr-label" for="contact-adresse">
                  Adresse électronique ou page web
                  <span class="fr-hint-text">Par exemple dpe&#64;ac-academie.fr ou https://www.ac-academie.fr/contact</span>
                </label>
                <input
                  class="fr-input"
                  type="text"
                  id="contact-adresse"
                  [attr.maxlength]="shortMax"
                  [attr.aria-describedby]="addressError() ? 'contact-adresse-erreur' : null"
                  [value]="contactAddress()"
                  (input)="contactAddress.set(valueOf($event))" />
                @if (addressError(); as error) {
                  <p class="fr-error-text" id="contact-adresse-erreur">{{ error }}</p>
                }
              </div>
            </div>
          </fieldset>
          @if (version()) {
            <p class="fr-text--sm">Version en vigueur : {{ version() }}.</p>
          }
          <button type="submit" class="fr-btn" [disabled]="saving()">Enregistrer une nouvelle version</button>
        </form>
      } @else if (!failure()) {
        <p role="status">Chargement des consignes…</p>
      }
    </div>
  `,
})
export class SettingsPage {
  private readonly api = inject(CorpusApi);
  protected readonly context = inject(CorpusContext);

  protected readonly defaultNotice = DEFAULT_AI_NOTICE;
  protected readonly defaultContact = DEFAULT_CONTACT;
  protected readonly instructionsMax = INSTRUCTIONS_MAX_CHARS;
  protected readonly shortMax = SETTINGS_SHORT_TEXT_MAX_CHARS;

  protected readonly loaded = signal(false);
  protected readonly instructions = signal('');
  protected readonly aiNotice = signal('');
  protected readonly contact = signal('');
  protected readonly contactAddress = signal('');
  protected readonly version = signal<number | null>(null);
  protected readonly saving = signal(false);
  protected readonly addressError = signal<string | null>(null);
  protected readonly failure = signal<ApiError | null>(null);
  protected readonly failureTitle = signal('');
  protected readonly status = signal('');

  constructor() {
    effect(() => {
      const academie = this.context.requested();
      untracked(() => this.load(academie));
    });
  }

  protected save(event: Event): void {
    event.preventDefault();
    const address = this.contactAddress().trim();
    if (address !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address) && !/^https?:\/\/\S+$/.test(address)) {
      this.addressError.set('Donnez une adresse électronique (nom@ac-academie.fr) ou une adresse web commençant par https://.');
      return;
    }
    if (address !== '' && this.contact().trim() === '') {
      this.addressError.set('Donnez aussi le nom du service à contacter.');
      return;
    }
    this.addressError.set(null);
    this.saving.set(true);
    this.failure.set(null);
    const settings: AcademieSettings = {
      instructions: this.instructions(),
      aiNotice: this.aiNotice(),
      contact: this.contact(),
      contactAddress: address,
    };
    this.api.saveSettings(this.context.requested(), settings).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.show(saved);
        this.status.set(`Consignes enregistrées (version ${saved.instructionsVersion ?? 1}).`);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.fail('Les consignes n’ont pas été enregistrées', error);
      },
    });
  }

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement | HTMLTextAreaElement).value;
  }

  private load(academie: string | null): void {
    this.loaded.set(false);
    this.failure.set(null);
    this.api.settings(academie).subscribe({
      next: (settings) => {
        this.show(settings);
        this.loaded.set(true);
      },
      error: (error: unknown) => this.fail('Les consignes n’ont pas pu être chargées', error),
    });
  }

  private show(settings: AcademieSettings): void {
    this.instructions.set(settings.instructions ?? '');
    this.aiNotice.set(settings.aiNotice ?? '');
    this.contact.set(settings.contact ?? '');
    this.contactAddress.set(settings.contactAddress ?? '');
    this.version.set(settings.instructionsVersion ?? null);
  }

  private fail(title: string, error: unknown): void {
    this.failureTitle.set(title);
    this.failure.set(toApiError(error));
  }
}
