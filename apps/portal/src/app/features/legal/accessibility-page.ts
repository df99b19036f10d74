import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'mlv-accessibility-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="fr-container fr-my-6w">
      <div class="fr-grid-row">
        <div class="fr-col-12 fr-col-lg-9">
          <h1>Déclaration d'accessibilité</h1>
          <p>
            Le ministère de l'Éducation nationale s'engage à rendre ses services numériques accessibles, conformément
            à l'article 47 de la loi n° 2005-102 du 11 février 2005.
          </p>

          <h2>État de conformité</h2>
          <p>
            MILEVA est <strong>non conforme</strong> au référentiel général d'amélioration de l'accessibilité (RGAA) :
            aucun audit n'a encore été réalisé. Le portail est construit avec le système de design de l'État (DSFR) et
            vise la conformité ; cette déclaration sera mise à jour après l'audit.
          </p>

          <h2>Retour d'information et contact</h2>
          <p>
            Si vous n'arrivez pas à accéder à un contenu ou à une fonctionnalité, signalez-le au référent MILEVA de
            votre académie ou de votre direction : il vous orientera vers une alternative accessible.
          </p>

          <h2>Voies de recours</h2>
          <p>
            Si vous avez signalé un défaut d'accessibilité sans obtenir de réponse satisfaisante, vous pouvez saisir le
            Défenseur des droits :
          </p>
          <ul>
            <li>
              par le
              <a
                href="https://formulaire.defenseurdesdroits.fr/"
                target="_blank"
                rel="noopener"
                title="formulaire de contact du Défenseur des droits - nouvelle fenêtre"
                >formulaire de contact</a
              > ;
            </li>
            <li>par courrier (gratuit, sans affranchissement) : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.</li>
          </ul>
        </div>
      </div>
    </div>
  `,
})
export class AccessibilityPage {}
