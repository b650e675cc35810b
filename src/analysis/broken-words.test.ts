import { describe, expect, it } from 'vitest';
import { joinBrokenWords, type KnownWords } from './broken-words.js';
import { textView } from './text-view.js';

const known: KnownWords = {
  vocabulary: new Set(['kubernetes', 'phishing', 'oncall', 'microsoft']),
  compounds: new Set(['on-call', 'to-end']),
};

const joined = (input: string) => joinBrokenWords(textView(input), known).text;

describe('joinBrokenWords', () => {
  it('reads a known word a hyphen breaks at a line end as one word', () => {
    expect(joined('Docker and Kuber-\nnetes on AWS')).toBe('Docker and Kubernetes on AWS');
  });

  it('joins a broken word over the spaces that indent the next line', () => {
    expect(joined('reported phish-\n  ing emails')).toBe('reported phishing emails');
  });

  it('joins a broken word over spaces after the hyphen', () => {
    expect(joined('Kuber-  \nnetes')).toBe('Kubernetes');
  });

  it('joins a broken word over a Windows line end', () => {
    expect(joined('Micro-\r\nsoft Sentinel')).toBe('Microsoft Sentinel');
  });

  it('keeps the hyphen of a compound the product writes with one', () => {
    expect(joined('join the on-\ncall rota')).toBe('join the on-\ncall rota');
  });

  it('keeps the hyphen when the joined word is not one the product knows', () => {
    expect(joined('end-to-\nend tests')).toBe('end-to-\nend tests');
  });

  it('keeps the hyphen before a line that starts with a capital', () => {
    expect(joined('Kuber-\nNetes')).toBe('Kuber-\nNetes');
  });

  it('joins any word a soft hyphen breaks, known or not', () => {
    expect(joined('escala\u00ad\nted alerts')).toBe('escalated alerts');
  });

  it('maps a joined word back to the broken characters of the input', () => {
    const input = 'Docker, Kuber-\n  netes and phish-\ning';
    const view = joinBrokenWords(textView(input), known);
    const kubernetes = view.text.indexOf('Kubernetes');
    const at = view.toOriginal(kubernetes, kubernetes + 'Kubernetes'.length);
    expect(input.slice(at.start, at.end)).toBe('Kuber-\n  netes');
    const and = view.toOriginal(view.text.indexOf('and'), view.text.indexOf('and') + 3);
    expect(and).toEqual({ start: input.indexOf('and'), end: input.indexOf('and') + 3 });
    const phishing = view.text.indexOf('phishing');
    const phish = view.toOriginal(phishing, phishing + 'phishing'.length);
    expect(input.slice(phish.start, phish.end)).toBe('phish-\ning');
  });

  it('gives back the same view when no word is broken', () => {
    const view = textView('Docker and Kubernetes');
    expect(joinBrokenWords(view, known)).toBe(view);
  });
});
