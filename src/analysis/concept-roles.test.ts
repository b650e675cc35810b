import { describe, expect, it } from 'vitest';
import { rolesForConcepts } from './concept-roles.js';

describe('rolesForConcepts', () => {
  it('points at the full-stack developer when a problem speaks of the screens and what stores them', () => {
    expect(rolesForConcepts(['frontend', 'database'])).toEqual({ 'full-stack-developer': 1 });
    expect(rolesForConcepts(['visual-design', 'payments', 'server-side'])).toEqual({
      'full-stack-developer': 1,
    });
  });

  it('points at the data architect when a design of how systems fit together is asked for data', () => {
    expect(rolesForConcepts(['systems-landscape', 'data-model'])).toEqual({
      'data-architect': 1.5,
    });
  });

  it('points at no role together for one side alone', () => {
    expect(rolesForConcepts(['frontend', 'visual-design'])).toEqual({});
    expect(rolesForConcepts(['server-side', 'database'])).toEqual({});
    expect(rolesForConcepts(['systems-landscape', 'architecture'])).toEqual({});
  });
});
