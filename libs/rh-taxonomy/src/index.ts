export * from './lib/normalize';
export * from './lib/academies';
export * from './lib/themes';
export * from './lib/statuts';
export * from './lib/corps';
export * from './lib/glossary';
