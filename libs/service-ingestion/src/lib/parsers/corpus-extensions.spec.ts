import { CORPUS_DOCUMENT_EXTENSIONS } from '@mileva/contracts';
import { FORMAT_BY_EXTENSION } from './format-detection';

describe('CORPUS_DOCUMENT_EXTENSIONS', () => {
  it('should list exactly the extensions the parsers read, so the gateway refuses no readable file and lets no unreadable one through', () => {
    expect([...CORPUS_DOCUMENT_EXTENSIONS].sort()).toEqual(Object.keys(FORMAT_BY_EXTENSION).sort());
  });
});
