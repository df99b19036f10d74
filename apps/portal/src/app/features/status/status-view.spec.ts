import { HttpErrorResponse } from '@angular/common/http';
import { TimeoutError } from 'rxjs';
import { describeFailure, formatDateTime, formatLatency, formatUptime } from './status-view';

describe('status view formatting', () => {
  describe(formatUptime.name, () => {
    it.each([
      [0, '0 seconde'],
      [1, '1 seconde'],
      [59, '59 secondes'],
      [60, '1 minute'],
      [125, '2 minutes 5 secondes'],
      [3_600, '1 heure'],
      [7_380, '2 heures 3 minutes'],
      [86_400 + 59, '1 jour'],
      [3 * 86_400 + 4 * 3_600 + 5 * 60, '3 jours 4 heures'],
      [-5, '0 seconde'],
    ])('should write %p seconds as "%s"', (seconds, expected) => {
      expect(formatUptime(seconds)).toBe(expected);
    });
  });

  describe(formatLatency.name, () => {
    it('should round to the millisecond', () => {
      expect(formatLatency(12.6)).toBe('13 ms');
    });

    it('should not show 0 ms for sub-millisecond checks', () => {
      expect(formatLatency(0.2)).toBe('moins de 1 ms');
    });
  });

  describe(formatDateTime.name, () => {
    it('should keep an unreadable date as sent rather than fail', () => {
      expect(formatDateTime('hier')).toBe('hier');
    });

    it('should write the date in French', () => {
      expect(formatDateTime('2026-03-02T12:00:00.000Z')).toMatch(/2 mars 2026/);
    });
  });

  describe(describeFailure.name, () => {
    it('should name a network failure', () => {
      expect(describeFailure(new HttpErrorResponse({ status: 0 }))).toBe('connexion impossible');
    });

    it('should name a response that is not JSON', () => {
      expect(describeFailure(new HttpErrorResponse({ status: 200 }))).toBe('réponse illisible');
    });

    it('should give the HTTP code of an error response', () => {
      expect(describeFailure(new HttpErrorResponse({ status: 500 }))).toBe('code HTTP 500');
    });

    it('should name a timeout', () => {
      expect(describeFailure(new TimeoutError())).toBe('pas de réponse dans le délai imparti');
    });
  });
});
