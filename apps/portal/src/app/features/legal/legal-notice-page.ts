import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'mlv-legal-notice-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="fr-container fr-my-6w">
      <div class="fr-grid-row">
        <div class="fr-col-12 fr-col-lg-9">
          <h1>Mentions légales</h1>

          <h2>Éditeur</h2>
          <p>Ministère de l'Éducation nationale, 110 rue de Grenelle, 75357 Paris SP 07.</p>

          <h2>Directeur de la publication</h2>
          <p>Il sera désigné avant l'ouverture du service aux gestionnaires.</p>

          <h2>Hébergement</h2>
          <p>
            MILEVA est installé par le ministère ou par une académie sur ses propres serveurs ; l'hébergeur est
            l'entité qui exploite l'instance que vous utilisez.
          </p>

          <h2>Usage du service</h2>
          <p>
            MILEVA est réservé aux agents chargés de répondre aux questions RH des personnels. Les projets de réponse
            qu'il propose sont préparés avec l'aide d'un outil d'intelligence artificielle : ils doivent être vérifiés
            par le gestionnaire, qui reste l'auteur de la réponse envoyée.
          </p>
        </div>
      </div>
    </div>
  `,
})
export class LegalNoticePage {}
