import fc from 'fast-check';
import { nirKey } from './checksums';
import { PseudonymizationSession, pseudonymize, reidentify, valueKey } from './pseudonymize';
import { ENTITY_TYPES, PLACEHOLDER_LABELS, type EntityType } from './entities';

/** Invented people: a first name of the list, a surname made of syllables, their own identifiers. */
interface Person {
  readonly first: string;
  readonly last: string;
  readonly nir: string;
  readonly phone: string;
  readonly email: string;
}

const FIRST = ['Gwendal', 'Ozanne', 'Aminata', 'Théo', 'Maëlle', 'Karim', 'Solène', 'Jean-Baptiste', 'Nadia', 'Loïc', 'Fatou', 'Hugo'] as const;
const SYLLABLES = ['ker', 'bra', 'lou', 'pla', 'hin', 'mab', 'ia', 'dou', 'ran', 'vel', 'mor', 'gan', 'tel', 'sou'] as const;

const surnameArb = fc.array(fc.constantFrom(...SYLLABLES), { minLength: 2, maxLength: 3 }).map((parts) => {
  const word = parts.join('');
  return word[0].toUpperCase() + word.slice(1);
});

const nirArb = fc
  .record({ sex: fc.constantFrom('1', '2'), year: fc.integer({ min: 50, max: 99 }), month: fc.integer({ min: 1, max: 12 }), department: fc.constantFrom('29', '35', '2A', '69', '2B', '75'), order: fc.integer({ min: 1000, max: 999999 }) })
  .map(({ sex, year, month, department, order }) => {
    const first13 = `${sex}${year}${String(month).padStart(2, '0')}${department}${String(order).padStart(6, '0')}`;
    return `${first13.slice(0, 1)} ${first13.slice(1, 3)} ${first13.slice(3, 5)} ${first13.slice(5, 7)} ${first13.slice(7, 10)} ${first13.slice(10)} ${String(nirKey(first13)).padStart(2, '0')}`;
  });

const phoneArb = fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 4, maxLength: 4 }).map((pairs) => `06 ${pairs.map((pair) => String(pair).padStart(2, '0')).join(' ')}`);

const personArb: fc.Arbitrary<Person> = fc.record({ first: fc.constantFrom(...FIRST), last: surnameArb, nir: nirArb, phone: phoneArb }).map((person) => ({
  ...person,
  email: `${person.first.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')}.${person.last.toLowerCase()}@exemple.fr`,
}));

const TEMPLATES: readonly ((person: Person) => string)[] = [
  (p) => `Bonjour, je suis ${p.first} ${p.last}, mon NIR est ${p.nir}. Merci.`,
  (p) => `Tél. M. ${p.last.toUpperCase()} au ${p.phone} : question sur le CLM.`,
  (p) => `Pouvez-vous écrire à ${p.email} ? Le Rectorat attend la réponse.`,
  (p) => `La demande de ${p.first} ${p.last} (${p.phone}) est transmise à la DSDEN.`,
  (p) => `Cordialement,\n${p.first} ${p.last}`,
];

/** A conversation: a few people, and messages about one of them each. */
const conversationArb = fc.uniqueArray(personArb, { minLength: 1, maxLength: 3, selector: (person) => person.last }).chain((people) =>
  fc.record({
    people: fc.constant(people),
    messages: fc.array(fc.record({ person: fc.nat(people.length - 1), template: fc.nat(TEMPLATES.length - 1) }), { minLength: 2, maxLength: 6 }),
  }),
);

const LABEL_TYPES = new Map<string, EntityType>(ENTITY_TYPES.map((type) => [PLACEHOLDER_LABELS[type], type]));

describe('pseudonymize (properties)', () => {
  it('should give one placeholder per value across a conversation, and let no value through', () => {
    fc.assert(
      fc.property(conversationArb, ({ people, messages }) => {
        const session = new PseudonymizationSession();
        const placeholderOf = new Map<string, string>();
        for (const message of messages) {
          const person = people[message.person];
          const result = pseudonymize(TEMPLATES[message.template](person), session);
          for (const value of [person.last, person.nir, person.phone, person.email]) {
            expect(result.text.toLowerCase()).not.toContain(value.toLowerCase());
          }
          for (const [placeholder, value] of Object.entries(result.mapping)) {
            const type = LABEL_TYPES.get(/^\[([A-Z_]+?)_\d+\]$/.exec(placeholder)?.[1] ?? '');
            expect(type).toBeDefined();
            const key = `${type}:${valueKey(type as EntityType, value)}`;
            expect(placeholderOf.get(key) ?? placeholder).toBe(placeholder);
            placeholderOf.set(key, placeholder);
          }
        }
        const values = Object.values(session.mapping);
        expect(new Set(values).size).toBe(values.length);
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('should give back every message exactly when re-identified with the mapping', () => {
    fc.assert(
      fc.property(conversationArb, ({ people, messages }) => {
        const session = new PseudonymizationSession();
        const texts = messages.map((message) => TEMPLATES[message.template](people[message.person]));
        const pseudonymized = texts.map((text) => pseudonymize(text, session).text);
        pseudonymized.forEach((text, index) => expect(reidentify(text, session.mapping)).toBe(texts[index]));
      }),
      { seed: 7, numRuns: 150 },
    );
  });

  it('should number the texts of one record together, and round-trip them', () => {
    fc.assert(
      fc.property(conversationArb, ({ people, messages }) => {
        const texts = messages.map((message) => TEMPLATES[message.template](people[message.person]));
        const result = pseudonymize(texts);
        const numbers = Object.keys(result.mapping).filter((placeholder) => placeholder.startsWith('[PERSONNE_'));
        expect(numbers).toEqual(numbers.map((_, index) => `[PERSONNE_${index + 1}]`));
        result.texts.forEach((text, index) => expect(reidentify(text, result.mapping)).toBe(texts[index]));
      }),
      { seed: 2024, numRuns: 100 },
    );
  });

  it('should leave any mix of institutional sentences unchanged', () => {
    const sentences = [
      'Le Rectorat de l’Académie de Lyon a publié la circulaire.',
      'Le CLM, le CLD et le CITIS relèvent du conseil médical.',
      'Voir le Code de l’éducation, article L. 912-1, et le CGFP, article L. 822-6.',
      'La DSDEN du Rhône instruit les demandes de TPT avant le 15 mars 2025.',
      'Les AESH en CDI perçoivent l’indemnité REP+ selon la note de service n° 2023-045.',
      'Mesdames, Messieurs,',
      'La division des personnels enseignants',
      'Le simulateur ENSAP donne une estimation indicative globale (EIG).',
      'Cordialement,\nLes services du Rectorat',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...sentences), { minLength: 1, maxLength: 6 }), fc.constantFrom(' ', '\n', '\n\n'), (picked, separator) => {
        const text = picked.join(separator);
        expect(pseudonymize(text).text).toBe(text);
      }),
      { seed: 99, numRuns: 200 },
    );
  });
});
