import { describe, expect, it } from 'vitest';
import { asResearcher } from './research-post.js';

describe('asResearcher', () => {
  it('reads a research fellow as the research scientist of the field', () => {
    expect(asResearcher('Research Fellow in Robotics')).toBe('Research Scientist in Robotics');
  });

  it('reads a postdoctoral research associate as one post', () => {
    expect(asResearcher('Postdoctoral Research Associate in Statistics')).toBe(
      'Research Scientist in Statistics',
    );
  });

  it('reads a postdoc as the research scientist', () => {
    expect(asResearcher('Postdoc in Speech Recognition')).toBe(
      'Research Scientist in Speech Recognition',
    );
  });

  it('leaves a research assistant and other research titles as they are', () => {
    expect(asResearcher('Research Assistant in Psychology')).toBe(
      'Research Assistant in Psychology',
    );
    expect(asResearcher('User Researcher')).toBe('User Researcher');
  });
});
