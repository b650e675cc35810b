import type { Diagnosis, JobAnalysis } from '../analysis/index.js';

const percent = (score: number) => `${Math.round(score * 100)}%`;

/** Where the level came from, so a reader can check it: the title, or the years asked for. */
const seniorityLine = ({ level, source, years }: JobAnalysis['seniority']): string => {
  if (level === null) return 'Seniority: not stated';
  if (source === 'experience' && years) return `Seniority: ${level} (from “${years.text}”)`;
  return `Seniority: ${level} (as the title says)`;
};

/** A job-description analysis as a person reads it in a terminal. */
export const formatAnalysis = (analysis: JobAnalysis): string => {
  const lines: string[] = [];
  if (analysis.title) lines.push(`Title: ${analysis.title.text}`);
  lines.push(seniorityLine(analysis.seniority), '', 'Likely roles:');
  for (const role of analysis.roles) {
    lines.push(
      `  ${percent(role.score).padStart(4)}  ${role.name} (${role.taxonomy}/${role.code})`,
    );
    for (const evidence of role.evidence.slice(0, 3)) lines.push(`          ${evidence.detail}`);
  }
  if (analysis.terms.length > 0) {
    lines.push('', 'Terms explained:');
    for (const term of analysis.terms)
      lines.push(`  ${term.name} [${term.category}]: ${term.definition}`);
  }
  if (analysis.technologies.length > 0) {
    lines.push('', 'Technologies:');
    for (const group of analysis.technologies) {
      lines.push(`  ${group.category}: ${group.terms.map((t) => t.name).join(', ')}`);
    }
  }
  if (analysis.missing.length > 0)
    lines.push('', `Missing from the posting: ${analysis.missing.join(', ')}`);
  for (const warning of analysis.warnings) lines.push(`Warning: ${warning.message}`);
  return `${lines.join('\n')}\n`;
};

/** A diagnosis as a person reads it in a terminal. */
export const formatDiagnosis = (diagnosis: Diagnosis): string => {
  const lines: string[] = [diagnosis.message];
  if (diagnosis.roles.length > 0) lines.push('');
  for (const role of diagnosis.roles) {
    lines.push(`${percent(role.score).padStart(4)}  ${role.name} (${role.taxonomy}/${role.code})`);
    for (const match of role.matches.slice(0, 3)) lines.push(`        ${match.why}`);
  }
  if (diagnosis.understood.length > 0) {
    lines.push('', 'Understood:');
    for (const u of diagnosis.understood) lines.push(`  "${u.said}" → ${u.means}`);
  }
  return `${lines.join('\n')}\n`;
};
