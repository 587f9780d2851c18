import { describe, expect, it } from 'vitest';
import { KNOWLEDGE_FORMATS, knowledgeFileName, MAX_KNOWLEDGE_FILE_NAME } from './knowledge.ts';

/** The graphemes of `text`, as a reader sees its characters. */
const graphemes = (text: string) => [...new Intl.Segmenter('nl', { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);

describe('knowledgeFileName cuts a long name between whole characters', () => {
  for (const format of KNOWLEDGE_FORMATS) {
    it(`an emoji at the limit is kept whole or dropped whole (.${format})`, () => {
      const base = `${'a'.repeat(115)}😀😀😀`;
      const named = knowledgeFileName(`${base}.${format}`, format);
      if (!('name' in named)) throw new Error(named.problem);
      const kept = named.name.slice(0, -`.${format}`.length);
      // The rule: within the limit, the extension kept, and a start of the name's own graphemes.
      expect(named.name.length).toBeLessThanOrEqual(MAX_KNOWLEDGE_FILE_NAME);
      expect(named.name.endsWith(`.${format}`)).toBe(true);
      expect(kept).not.toContain('\uFFFD');
      expect(graphemes(base.normalize('NFKC')).slice(0, graphemes(kept).length).join('')).toBe(kept);
      // No lone surrogate: the name survives a round trip through UTF-8.
      expect(new TextDecoder().decode(new TextEncoder().encode(named.name))).toBe(named.name);
    });
  }

  it('a letter with a combining accent at the limit is not split from its accent', () => {
    const base = `${'b'.repeat(MAX_KNOWLEDGE_FILE_NAME - '.pdf'.length - 1)}e\u0301\u0301x`;
    const named = knowledgeFileName(`${base}.pdf`, 'pdf');
    if (!('name' in named)) throw new Error(named.problem);
    const kept = named.name.slice(0, -'.pdf'.length);
    expect(graphemes(base.normalize('NFKC')).slice(0, graphemes(kept).length).join('')).toBe(kept);
  });
});
