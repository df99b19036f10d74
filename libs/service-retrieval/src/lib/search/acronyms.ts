import { tokenizeFrench } from '@mileva/text-fr';

/** Phrases returned at most for one acronym. */
const MAX_EXPANSIONS = 3;

/**
 * Spells out an acronym the glossary does not know from the corpus itself: the runs of
 * consecutive content words of titles and headings whose initials spell it (`IDV` finds
 * « indemnité de départ volontaire » in a fiche's title). Documents name a measure in full in
 * their titles far more often than they define its acronym. The most frequent phrases first.
 */
export function expandAcronymFromHeadings(acronym: string, headings: readonly string[]): string[] {
  const letters = acronym.toLowerCase().replace(/[^a-z]/g, '');
  if (letters.length < 2 || letters.length > 6) return [];
  const counts = new Map<string, number>();
  for (const heading of headings) {
    if (!heading.toLowerCase().includes(letters[0])) continue;
    const words = tokenizeFrench(heading).filter((word) => /^[a-z]/.test(word));
    for (let start = 0; start + letters.length <= words.length; start++) {
      let matches = true;
      for (let offset = 0; offset < letters.length && matches; offset++) matches = words[start + offset][0] === letters[offset];
      if (!matches) continue;
      const phrase = words.slice(start, start + letters.length).join(' ');
      // A phrase made of the acronym's own letters as words is not a spelling-out.
      if (phrase.replace(/ /g, '') === letters) continue;
      counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_EXPANSIONS)
    .map(([phrase]) => phrase);
}
