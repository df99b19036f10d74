import { ServiceError } from '@mileva/runtime';
import type { RequestUser } from '../auth/user';
import { managedCorpus, managesCorpus } from './corpus-scope';

const expert: RequestUser = { id: 'dev:expert@lyon', academie: 'lyon', role: 'expert' };
const nationalExpert: RequestUser = { id: 'dev:expert@national', academie: 'national', role: 'expert' };
const admin: RequestUser = { id: 'dev:admin@poitiers', academie: 'poitiers', role: 'admin' };

function refusal(run: () => unknown): { code: string; message: string } | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof ServiceError ? { code: error.code, message: error.message } : undefined;
  }
}

describe('managedCorpus', () => {
  it('should give an expert their own académie’s corpus, named or not', () => {
    expect(managedCorpus(expert, undefined)).toBe('lyon');
    expect(managedCorpus(expert, '')).toBe('lyon');
    expect(managedCorpus(expert, 'Lyon')).toBe('lyon');
    expect(managedCorpus(nationalExpert, undefined)).toBe('national');
  });

  it('should refuse an expert another académie’s corpus, the national one included', () => {
    expect(refusal(() => managedCorpus(expert, 'poitiers'))).toEqual({ code: 'FORBIDDEN', message: expect.stringContaining('votre académie') });
    expect(refusal(() => managedCorpus(expert, 'national'))?.code).toBe('FORBIDDEN');
  });

  it('should let an administrator name any corpus, theirs by default', () => {
    expect(managedCorpus(admin, undefined)).toBe('poitiers');
    expect(managedCorpus(admin, 'national')).toBe('national');
    expect(managedCorpus(admin, 'aix-marseille')).toBe('aix-marseille');
  });

  it('should refuse an unknown corpus or a value that is not a code', () => {
    expect(refusal(() => managedCorpus(admin, 'atlantide'))?.code).toBe('BAD_REQUEST');
    expect(refusal(() => managedCorpus(admin, ['lyon', 'poitiers']))?.code).toBe('BAD_REQUEST');
    expect(refusal(() => managedCorpus(expert, ['lyon', 'poitiers']))?.code).toBe('BAD_REQUEST');
  });
});

describe('managesCorpus', () => {
  it('should say whether a user may see what belongs to a corpus', () => {
    expect(managesCorpus(expert, 'lyon')).toBe(true);
    expect(managesCorpus(expert, 'poitiers')).toBe(false);
    expect(managesCorpus(admin, 'lyon')).toBe(true);
  });
});
