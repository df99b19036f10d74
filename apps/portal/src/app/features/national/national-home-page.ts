import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

/** Home of the DGRH: its space is the national dashboard; it does not ask questions. */
@Component({
  selector: 'mlv-national-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <div class="fr-container fr-my-6w">
      <div class="fr-grid-row">
        <div class="fr-col-12 fr-col-lg-9">
          <h1>Espace national</h1>
          <p class="fr-text--lead">
            Votre espace est le tableau de bord national : volume de questions par thème, satisfaction des
            gestionnaires, temps gagné, sujets restés sans réponse dans les documents, délais de réponse.
          </p>
          <p>
            Ces chiffres sont agrégés sur l’ensemble des académies : ils ne montrent jamais la question d’une personne
            et les effectifs trop faibles sont masqués. La préparation des réponses aux agents est réservée aux
            gestionnaires, experts et superviseurs des académies.
          </p>
          <div class="fr-notice fr-notice--info">
            <div class="fr-container">
              <div class="fr-notice__body">
                <p class="fr-notice__title">Le tableau de bord national n’est pas encore ouvert dans ce portail.</p>
              </div>
            </div>
          </div>
          <p class="fr-mt-4w">
            En attendant, la page <a class="fr-link" routerLink="/etat">État des services</a> indique si les services de
            MILEVA répondent.
          </p>
        </div>
      </div>
    </div>
  `,
})
export class NationalHomePage {}
