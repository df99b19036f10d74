import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'mlv-personal-data-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="fr-container fr-my-6w">
      <div class="fr-grid-row">
        <div class="fr-col-12 fr-col-lg-9">
          <h1>Données personnelles</h1>

          <h2>Ce que MILEVA traite</h2>
          <p>
            Les questions des personnels peuvent contenir des données personnelles : noms, NIR, NUMEN, coordonnées,
            IBAN, dates de naissance… La question est transmise au serveur MILEVA
            par une connexion chiffrée, qui masque ces données dès son arrivée, avant toute autre étape. Les documents consultés, le modèle de rédaction, les journaux techniques et les statistiques
            ne reçoivent que la version masquée ; les données d'origine ne sont rétablies que dans la réponse affichée
            au gestionnaire qui a posé la question.
          </p>
          <p>
            Les statistiques nationales sont agrégées : elles ne montrent jamais la question d'une personne et les
            effectifs trop faibles sont masqués. Une académie n'a pas accès aux échanges d'une autre académie.
          </p>

          <h2>Responsable du traitement</h2>
          <p>Le ministère de l'Éducation nationale.</p>

          <h2>Vos droits</h2>
          <p>
            Vous disposez d'un droit d'accès, de rectification, de limitation et d'opposition sur les données qui vous
            concernent. Pour les exercer, adressez-vous au délégué à la protection des données du ministère de
            l'Éducation nationale. Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une
            réclamation à la
            <a href="https://www.cnil.fr/" target="_blank" rel="noopener" title="CNIL - nouvelle fenêtre">CNIL</a>.
          </p>

          <h2>Cookies</h2>
          <p>Ce portail ne dépose aucun cookie de mesure d'audience ni aucun traceur publicitaire.</p>
        </div>
      </div>
    </div>
  `,
})
export class PersonalDataPage {}
