/** A placeholder of the pseudonymizer: `[PERSONNE_1]`, `[NIR_2]`… */
const PLACEHOLDER_START = /\[[A-Z_]*\d*$/;

/**
 * Re-fills streamed text for its reader: a placeholder can arrive split across tokens
 * (`[PERS` then `ONNE_1]`), so the text after an unclosed `[` that could still become one is held
 * back until the next token or the end.
 */
export class PlaceholderStreamRefiller {
  private pending = '';

  constructor(private readonly refill: (text: string) => string) {}

  /** Text ready to show after this token (possibly empty). */
  push(token: string): string {
    const text = this.pending + token;
    const open = text.lastIndexOf('[');
    if (open !== -1 && PLACEHOLDER_START.test(text.slice(open)) && text.length - open <= 40) {
      this.pending = text.slice(open);
      return this.refill(text.slice(0, open));
    }
    this.pending = '';
    return this.refill(text);
  }

  /** What is left at the end of the stream. */
  flush(): string {
    const text = this.pending;
    this.pending = '';
    return this.refill(text);
  }
}
