import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { ACADEMIES, NATIONAL_CORPUS } from '@mileva/rh-taxonomy';
import { ApiError, toApiError } from '../../core/api-error';
import { ROLES, SessionOptions } from '../../core/api.model';
import { academieLabel, academieName, NATIONAL_LABEL } from '../../core/academie-names';
import { roleLabel } from '../../core/labels';
import { RETURN_PARAM, safeReturnPath, SessionStore } from '../../core/session-store';

interface Choice {
  readonly value: string;
  readonly label: string;
}

/**
 * `/connexion`. In OIDC mode, a "Se connecter" button to the identity provider; in development mode, a form to
 * pick a role and an académie. Explains why the user is here (session expired, signed out).
 */
@Component({
  selector: 'mlv-sign-in-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <div class="fr-container fr-my-6w">
      <div class="fr-grid-row fr-grid-row--center">
        <div class="fr-col-12 fr-col-md-9 fr-col-lg-7">
          <h1>Connexion à MILEVA</h1>

          @if (notice(); as notice) {
            <div class="fr-alert fr-alert--sm fr-mb-4w" [class]="'fr-alert--' + notice.severity" role="status">
              <p>{{ notice.text }}</p>
            </div>
          }

          @if (user(); as user) {
            <p>
              Vous êtes connecté en tant que {{ roleLabel(user.role) }} ({{ academieLabel(user.academie) }}).
            </p>
            <ul class="fr-btns-group fr-btns-group--inline-md">
              <li><a class="fr-btn" [routerLink]="returnPath()">Continuer</a></li>
              <li>
                <button type="button" class="fr-btn fr-btn--secondary" (click)="signOut()">Se déconnecter</button>
              </li>
            </ul>
          } @else if (loadError(); as error) {
            <div class="fr-alert fr-alert--error fr-mb-2w" role="alert">
              <h2 class="fr-alert__title">La connexion n’est pas disponible</h2>
              <p>{{ error.message }}</p>
            </div>
            <button type="button" class="fr-btn fr-btn--secondary" (click)="load()">Réessayer</button>
          } @else if (options(); as options) {
            @if (options.mode === 'oidc') {
              <p>Connectez-vous avec le compte de votre académie ou de votre direction.</p>
              <a class="fr-btn fr-btn--lg fr-icon-lock-line fr-btn--icon-left" [href]="oidcUrl()">Se connecter</a>
            } @else {
              <div class="fr-notice fr-notice--info fr-mb-4w">
                <div class="fr-container">
                  <div class="fr-notice__body">
                    <p class="fr-notice__title">
                      Connexion de développement : choisissez un rôle et une académie. Elle n’existe pas en production,
                      où l’on se connecte avec le compte de son académie.
                    </p>
                  </div>
                </div>
              </div>
              <form novalidate (submit)="signIn($event)">
                <fieldset class="fr-fieldset" aria-labelledby="connexion-legende">
                  <legend class="fr-fieldset__legend" id="connexion-legende">Votre profil</legend>
                  <div class="fr-fieldset__element">
                    <div class="fr-select-group">
                      <label class="fr-label" for="connexion-role">Rôle</label>
                      <select class="fr-select" id="connexion-role" (change)="role.set(valueOf($event))">
                        @for (choice of roleChoices(); track choice.value) {
                          <option [value]="choice.value" [selected]="choice.value === role()">{{ choice.label }}</option>
                        }
                      </select>
                    </div>
                  </div>
                  <div class="fr-fieldset__element">
                    <div class="fr-select-group">
                      <label class="fr-label" for="connexion-academie">Académie</label>
                      <select class="fr-select" id="connexion-academie" (change)="academie.set(valueOf($event))">
                        @for (choice of academieChoices(); track choice.value) {
                          <option [value]="choice.value" [selected]="choice.value === academie()">{{ choice.label }}</option>
                        }
                      </select>
                    </div>
                  </div>
                  @if (signInError(); as error) {
                    <div class="fr-fieldset__element">
                      <div class="fr-alert fr-alert--error fr-alert--sm" role="alert">
                        <p>{{ error.message }}</p>
                      </div>
                    </div>
                  }
                  <div class="fr-fieldset__element">
                    <button type="submit" class="fr-btn" [disabled]="signingIn()">Se connecter</button>
                  </div>
                </fieldset>
              </form>
            }
          } @else {
            <p role="status">Chargement des options de connexion…</p>
          }

          <p class="fr-mt-6w">
            Première visite ? <a class="fr-link" routerLink="/a-propos">Découvrez ce que fait MILEVA</a>.
          </p>
        </div>
      </div>
    </div>
  `,
})
export class SignInPage {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly roleLabel = roleLabel;
  protected readonly academieLabel = academieLabel;
  protected readonly user = this.session.user;
  protected readonly notice = this.session.notice;

  protected readonly options = signal<SessionOptions | null>(null);
  protected readonly loadError = signal<ApiError | null>(null);
  protected readonly signInError = signal<ApiError | null>(null);
  protected readonly signingIn = signal(false);
  protected readonly role = signal('');
  protected readonly academie = signal('');

  protected readonly returnPath = computed(() => safeReturnPath(this.route.snapshot.queryParamMap.get(RETURN_PARAM)));
  protected readonly oidcUrl = computed(() => this.session.oidcLoginUrl(this.returnPath()));

  protected readonly roleChoices = computed<Choice[]>(() => {
    const offered = this.options()?.roles ?? [];
    const roles = offered.length > 0 ? offered : ROLES;
    return roles.map((role) => ({ value: role, label: roleLabel(role) }));
  });

  /** The académies of the taxonomy (and the national level), limited to those the gateway offers when it lists them. */
  protected readonly academieChoices = computed<Choice[]>(() => {
    const offered = this.options()?.academies ?? [];
    if (offered.length > 0) {
      return offered.map((academie) => ({ value: academie.code, label: academieName(academie.code) ?? academie.name }));
    }
    return [
      { value: NATIONAL_CORPUS, label: `${NATIONAL_LABEL} (administration centrale)` },
      ...ACADEMIES.map((academie) => ({ value: academie.code, label: academie.name })),
    ];
  });

  constructor() {
    this.load();
    void this.session.current();
  }

  protected load(): void {
    this.loadError.set(null);
    this.session.options().subscribe({
      next: (options) => {
        this.options.set(options);
        const roles = this.roleChoices();
        this.role.set(roles.find((choice) => choice.value === 'gestionnaire')?.value ?? roles[0]?.value ?? '');
        const academies = this.academieChoices();
        this.academie.set(academies.find((choice) => choice.value !== NATIONAL_CORPUS)?.value ?? academies[0]?.value ?? '');
      },
      error: (error: unknown) => this.loadError.set(toApiError(error)),
    });
  }

  protected valueOf(event: Event): string {
    return (event.target as HTMLSelectElement).value;
  }

  protected async signIn(event: Event): Promise<void> {
    event.preventDefault();
    if (this.signingIn()) return;
    this.signingIn.set(true);
    this.signInError.set(null);
    try {
      await this.session.signInDev(this.role(), this.academie());
      await this.router.navigateByUrl(this.returnPath());
    } catch (error) {
      const failure = toApiError(error);
      this.signInError.set(
        failure.status === 404 ? new ApiError(404, failure.code, 'La connexion de développement est désactivée sur ce serveur.') : failure,
      );
    } finally {
      this.signingIn.set(false);
    }
  }

  protected signOut(): void {
    void this.session.signOut();
  }
}
