import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { HEALTH_URL, HealthApi } from './health-api';
import { PlatformHealth } from './health.model';

const DEGRADED: PlatformHealth = {
  status: 'down',
  mode: 'standalone',
  checkedAt: '2026-03-02T09:15:00.000Z',
  services: [{ service: 'analytics', status: 'down', error: 'timeout' }],
};

describe(HealthApi.name, () => {
  let api: HealthApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(HealthApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  describe('getPlatformHealth', () => {
    it('should call the relative health URL so it works behind the gateway and the dev proxy', async () => {
      const result = firstValueFrom(api.getPlatformHealth());
      const request = http.expectOne(HEALTH_URL);
      expect(request.request.url).toBe('/api/health');
      request.flush(DEGRADED);

      await expect(result).resolves.toEqual(DEGRADED);
    });

    it('should return the report when the gateway answers 503 with it', async () => {
      const result = firstValueFrom(api.getPlatformHealth());
      http.expectOne(HEALTH_URL).flush(DEGRADED, { status: 503, statusText: 'Service Unavailable' });

      await expect(result).resolves.toEqual(DEGRADED);
    });

    it('should fail when a 503 carries no report', async () => {
      const result = firstValueFrom(api.getPlatformHealth());
      http.expectOne(HEALTH_URL).flush({ message: 'maintenance' }, { status: 503, statusText: 'Service Unavailable' });

      await expect(result).rejects.toMatchObject({ status: 503 });
    });
  });
});
