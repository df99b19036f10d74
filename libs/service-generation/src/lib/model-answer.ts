import type { RelatedRight } from '@mileva/contracts';

/** Headings of the sections the prompt asks the model for. */
const FOLLOW_UP_HEADING = /^\s*(?:#+\s*)?(?:\*\*)?questions?\s+à\s+poser\s+à\s+l['’]agent\s*:?\s*(?:\*\*)?\s*:?\s*$/i;
const RELATED_HEADING = /^\s*(?:#+\s*)?(?:\*\*)?à\s+signaler\s+aussi\s*:?\s*(?:\*\*)?\s*:?\s*$/i;
const LIST_ITEM = /^\s*(?:[-*•]|\d+[.)])\s+(.*\S)\s*$/;
const CITATION = /\[(\d{1,3})\]/g;

/** A model's draft split into its parts: the reply, the questions to ask the agent, the related rights. */
export interface ModelAnswerParts {
  readonly followUpQuestions: string[];
  readonly relatedRights: RelatedRight[];
}

/** Reads the "Questions à poser à l'agent" and "À signaler aussi" lists of a model's draft. */
export function readModelAnswer(text: string): ModelAnswerParts {
  const followUpQuestions: string[] = [];
  const relatedRights: RelatedRight[] = [];
  let section: 'body' | 'follow-up' | 'related' = 'body';
  for (const line of text.split('\n')) {
    if (FOLLOW_UP_HEADING.test(line)) section = 'follow-up';
    else if (RELATED_HEADING.test(line)) section = 'related';
    else {
      const item = LIST_ITEM.exec(line);
      if (!item) {
        if (line.trim() !== '' && section !== 'body' && !/^\s/.test(line)) section = 'body';
        continue;
      }
      if (section === 'follow-up') followUpQuestions.push(item[1]);
      else if (section === 'related') relatedRights.push({ text: item[1], citations: citationsOf(item[1]) });
    }
  }
  return { followUpQuestions, relatedRights };
}

/** Citation numbers of a text, in order, once each. */
export function citationsOf(text: string): number[] {
  return [...new Set([...text.matchAll(CITATION)].map((match) => Number(match[1])))];
}
