import type { AggregateCell, AggregatesResponse } from '@mileva/contracts';
import { aggregatesCsv } from './aggregates-csv';

const SHOWN: AggregateCell = {
  period: '2026-03-02',
  academie: 'lyon',
  theme: 'conges-maladie',
  usage: { questions: 40, users: 12, answers: 40, answerable: 35, unanswered: 5, refused: 0, answerableRate: 0.875, latencyP50Ms: 1234.4, latencyP95Ms: 4000, averageSources: 3.5, unsupportedCitations: 1 },
  usageSuppressed: false,
  feedback: { users: 8, feedbacks: 10, useful: 9, satisfactionRate: 0.9, withOutcome: 10, sentAsIs: 4, sentAsIsRate: 0.4, noSource: 1, minutesSaved: 120, declarations: 10 },
  feedbackSuppressed: false,
  hoursSavedPerUserPerWeek: 0.17,
  documents: { ingested: 2, withdrawn: 0 },
};

function response(cells: AggregateCell[]): AggregatesResponse {
  return { v: 1, granularity: 'week', from: '2026-03-02', to: '2026-03-08', academie: 'lyon', theme: '*', by: ['theme'], minUsers: 5, timeZone: 'Europe/Paris', dataAsOf: '2026-03-09T00:00:00.000Z', cells, topUnanswered: [] };
}

describe(aggregatesCsv.name, () => {
  it('should write a French spreadsheet: byte order mark, French header row, semicolons, decimal commas, labels instead of codes', () => {
    const [header, row] = aggregatesCsv(response([SHOWN])).split('\r\n');
    expect(header.startsWith('\uFEFFPériode (début);Académie;Thème;Questions;Utilisateurs actifs;')).toBe(true);
    expect(header).toContain('Satisfaction (%)');
    expect(header).toContain('Heures gagnées par utilisateur actif et par semaine');
    expect(row.split(';')).toEqual(['2026-03-02', 'Lyon', 'Congés de maladie', '40', '12', '40', '87,5', '5', '1234', '4000', '10', '90,0', '40,0', '1', '120', '0,17', '2', '0']);
  });

  it('should write « < 5 » for every hidden figure, and keep the documents, which concern no one', () => {
    const hidden: AggregateCell = { ...SHOWN, academie: '*', theme: '*', usage: null, usageSuppressed: true, feedback: null, feedbackSuppressed: true, hoursSavedPerUserPerWeek: null };
    const row = aggregatesCsv(response([hidden])).split('\r\n')[1].split(';');
    expect(row.slice(0, 3)).toEqual(['2026-03-02', 'Toutes les académies', 'Tous les thèmes']);
    expect(row.slice(3, 16)).toEqual(Array(13).fill('< 5'));
    expect(row.slice(16)).toEqual(['2', '0']);
  });
});
