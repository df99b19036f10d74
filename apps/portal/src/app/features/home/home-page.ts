import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DsfrCalloutModule } from '@edugouvfr/ngx-dsfr';
import { AI_USE_MENTION, APP_NAME } from '../../core/app-identity';

@Component({
  selector: 'mlv-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, DsfrCalloutModule],
  templateUrl: './home-page.html',
})
export class HomePage {
  protected readonly appName = APP_NAME;
  protected readonly aiUseMention = AI_USE_MENTION;
}
