import { CORPUS_SERVICE_NAMES, PLATFORM_SERVICE_NAMES } from './services';
import { corpusOfSubject, corpusSubject, isCorpusSubject, Subjects } from './subjects';
import { isWireError } from './errors';

describe('subjects', () => {
  it('should namespace every corpus service subject by corpus, and no platform subject', () => {
    for (const service of CORPUS_SERVICE_NAMES) {
      for (const subject of Object.values(Subjects[service])) {
        expect(subject).toMatch(/^mileva\.corpus\.\{corpus\}\./);
      }
    }
    for (const service of PLATFORM_SERVICE_NAMES) {
      for (const subject of Object.values(Subjects[service])) {
        expect(isCorpusSubject(subject)).toBe(false);
        expect(subject.startsWith(`mileva.${service}.`)).toBe(true);
      }
    }
  });

  it('should give every subject once', () => {
    const all = Object.values(Subjects).flatMap((group) => Object.values(group));
    expect(new Set(all).size).toBe(all.length);
  });

  describe('corpusSubject', () => {
    it('should fill the corpus of a template', () => {
      expect(corpusSubject(Subjects.retrieval.health, 'aix-marseille')).toBe('mileva.corpus.aix-marseille.retrieval.health');
    });

    it.each(['Lyon', 'ly on', 'lyon.x', '', '>'])('should refuse the corpus code %p', (corpus) => {
      expect(() => corpusSubject(Subjects.retrieval.health, corpus)).toThrow('Invalid corpus code');
    });

    it('should refuse a platform subject', () => {
      expect(() => corpusSubject(Subjects.generation.health, 'lyon')).toThrow('not a corpus subject');
    });
  });

  describe('corpusOfSubject', () => {
    it('should read the corpus of a concrete subject and nothing from a template or platform subject', () => {
      expect(corpusOfSubject('mileva.corpus.lyon.retrieval.health')).toBe('lyon');
      expect(corpusOfSubject(Subjects.retrieval.health)).toBeUndefined();
      expect(corpusOfSubject(Subjects.generation.health)).toBeUndefined();
    });
  });
});

describe('isWireError', () => {
  it('should accept a known code with a message and refuse anything else', () => {
    expect(isWireError({ code: 'TIMEOUT', message: 'Délai dépassé' })).toBe(true);
    expect(isWireError({ code: 'EXPLODED', message: 'x' })).toBe(false);
    expect(isWireError({ code: 'TIMEOUT' })).toBe(false);
    expect(isWireError('TIMEOUT')).toBe(false);
    expect(isWireError(null)).toBe(false);
  });
});
