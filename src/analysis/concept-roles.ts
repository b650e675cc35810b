/**
 * Which roles answer each concept of the plain-words map, and how directly (1: the role hired
 * for exactly this; 0.3: one of several who could help). Data we write and review like the
 * guides: the diagnosis weighs it beside what the guides themselves say, so a concept a guide
 * words differently ("gets hacked" against "a breach") still reaches its role.
 */
const CONCEPT_ROLES: Record<string, Record<string, number>> = {
  performance: {
    'backend-developer': 0.7,
    'site-reliability-engineer': 0.5,
    'frontend-developer': 0.3,
    'database-administrator': 0.3,
  },
  outage: { 'site-reliability-engineer': 1, 'backend-developer': 0.4, 'devops-engineer': 0.3 },
  traffic: { 'backend-developer': 0.7, 'site-reliability-engineer': 0.6, 'cloud-engineer': 0.3 },
  breach: { 'security-engineer': 1, 'penetration-tester': 0.3 },
  audit: { 'grc-analyst': 1.1, 'security-engineer': 0.5, ciso: 0.2, 'penetration-tester': 0.2 },
  'attack-test': { 'penetration-tester': 1.2, 'security-engineer': 0.3 },
  payments: { 'backend-developer': 1, 'full-stack-developer': 0.4, 'ecommerce-developer': 0.4 },
  integration: {
    'integration-engineer': 1.2,
    'backend-developer': 0.6,
    'data-engineer': 0.3,
    'solutions-architect': 0.2,
  },
  'data-mess': { 'analytics-engineer': 0.7, 'data-engineer': 0.5, 'data-analyst': 0.4 },
  reporting: { 'data-analyst': 0.9, 'bi-developer': 0.8, 'analytics-engineer': 0.3 },
  'data-pipeline': { 'data-engineer': 1, 'analytics-engineer': 0.3 },
  'data-model': {
    'analytics-engineer': 1,
    'data-architect': 0.4,
    'data-engineer': 0.3,
    'bi-developer': 0.3,
  },
  prediction: { 'data-scientist': 1, 'machine-learning-engineer': 0.5 },
  'model-production': { 'machine-learning-engineer': 1.2, 'data-scientist': 0.2 },
  ai: { 'ai-engineer': 1.2, 'machine-learning-engineer': 0.3, 'ml-research-scientist': 0.2 },
  mobile: {
    'ios-developer': 0.6,
    'android-developer': 0.6,
    'cross-platform-mobile-developer': 0.5,
  },
  'visual-design': { 'ui-designer': 1, 'ux-designer': 0.4, 'frontend-developer': 0.2 },
  usability: { 'ux-designer': 1, 'ux-researcher': 0.4, 'ui-designer': 0.2 },
  research: { 'ux-researcher': 1, 'product-manager': 0.3, 'ux-designer': 0.3 },
  'product-direction': { 'product-manager': 1, 'technical-product-owner': 0.4 },
  backlog: { 'technical-product-owner': 1, 'product-manager': 0.4, 'scrum-master': 0.3 },
  delivery: { 'scrum-master': 1, 'project-manager': 0.5, 'engineering-manager': 0.3 },
  people: { 'engineering-manager': 1, cto: 0.3, 'tech-lead': 0.2 },
  'tech-strategy': { cto: 1.2, 'software-architect': 0.2 },
  architecture: { 'software-architect': 1, 'tech-lead': 0.4, cto: 0.2 },
  'code-leadership': { 'tech-lead': 1.2, 'engineering-manager': 0.3, 'software-architect': 0.2 },
  deployment: { 'devops-engineer': 1, 'platform-engineer': 0.4 },
  cloud: { 'cloud-engineer': 1, 'devops-engineer': 0.4, 'systems-administrator': 0.2 },
  cost: { 'cloud-engineer': 0.6 },
  monitoring: { 'site-reliability-engineer': 1, 'devops-engineer': 0.3 },
  bugs: { 'qa-engineer': 1, 'test-automation-engineer': 0.4 },
  testing: { 'qa-engineer': 0.7, 'test-automation-engineer': 0.7 },
  database: {
    'database-administrator': 1,
    'database-developer': 0.5,
    'backend-developer': 0.3,
  },
  backup: { 'database-administrator': 0.7, 'systems-administrator': 0.6 },
  network: { 'network-engineer': 1.2, 'it-support-specialist': 0.2 },
  'it-help': { 'it-support-specialist': 1.2, 'systems-administrator': 0.3, 'it-manager': 0.3 },
  servers: { 'systems-administrator': 1.2, 'cloud-engineer': 0.2 },
  'developer-productivity': { 'platform-engineer': 1.2, 'devops-engineer': 0.4 },
  devices: { 'embedded-software-engineer': 1.2 },
  game: { 'game-developer': 1.5 },
  blockchain: { 'blockchain-developer': 1.5 },
  documentation: { 'technical-writer': 1.2, 'developer-advocate': 0.2 },
  community: { 'developer-advocate': 1.2 },
  'sales-technical': { 'solutions-engineer': 1.2 },
  accessibility: { 'frontend-developer': 0.8, 'ux-designer': 0.4 },
  frontend: { 'frontend-developer': 0.6, 'full-stack-developer': 0.3 },
  login: { 'backend-developer': 0.4, 'it-support-specialist': 0.2 },
  'server-side': { 'backend-developer': 1 },
  'build-product': { 'full-stack-developer': 1, cto: 0.2 },
  'leaver-access': { 'systems-administrator': 1, 'it-manager': 0.4, 'security-engineer': 0.3 },
  'business-process': {
    'business-analyst': 1.2,
    'technical-product-owner': 0.4,
    'product-manager': 0.2,
    'scrum-master': 0.1,
  },
  'it-management': {
    'it-manager': 1.5,
    'it-support-specialist': 0.5,
    'systems-administrator': 0.4,
    cto: 0.2,
  },
  implementation: { 'implementation-consultant': 1.2, 'solutions-engineer': 0.3 },
  automation: {
    'rpa-developer': 1.2,
    'data-engineer': 0.3,
    'test-automation-engineer': 0.2,
    'backend-developer': 0.2,
  },
  'general-development': { 'software-engineer': 1, 'full-stack-developer': 0.3 },
  project: { 'project-manager': 1.2, 'technical-program-manager': 0.3 },
  'cross-team': { 'technical-program-manager': 1.2, 'project-manager': 0.3 },
  'security-monitoring': { 'security-analyst': 1.2, 'security-engineer': 0.3 },
  'systems-landscape': { 'solutions-architect': 1.2, 'integration-engineer': 0.3 },
  crm: { 'salesforce-developer': 1.5 },
  erp: { 'erp-consultant': 1.2, 'integration-engineer': 0.2 },
  android: { 'android-developer': 0.6 },
  apple: { 'ios-developer': 0.6 },
  'cross-platform': { 'cross-platform-mobile-developer': 1.5 },
  'customer-support': { 'support-engineer': 1.2, 'it-support-specialist': 0.2 },
  'sql-work': { 'database-developer': 1.2, 'database-administrator': 0.3 },
  'data-architecture': { 'data-architect': 1.2, 'analytics-engineer': 0.2 },
  'research-ml': { 'ml-research-scientist': 1.5, 'data-scientist': 0.2 },
  'security-leadership': { ciso: 1.5, 'security-engineer': 0.2 },
  ecommerce: { 'ecommerce-developer': 1.1, 'frontend-developer': 0.2 },
};

/**
 * Roles that answer a problem speaking of both sides of one piece of work, one concept from
 * each: a person asked for the screens people use and for what stores and serves them is the
 * one who builds both, and a design of how systems fit together asked for data that each keeps
 * its own way is the data architect's, whatever each side on its own points at.
 */
const JOINT_ROLES: { sides: readonly (readonly string[])[]; roles: Record<string, number> }[] = [
  {
    sides: [
      ['frontend', 'visual-design', 'usability'],
      ['server-side', 'database', 'sql-work'],
    ],
    roles: { 'full-stack-developer': 1 },
  },
  {
    sides: [
      ['systems-landscape', 'architecture'],
      ['data-model', 'data-mess', 'data-architecture'],
    ],
    roles: { 'data-architect': 1.5 },
  },
];

/** The roles the concepts of a problem point at together, beyond what each points at alone. */
export const rolesForConcepts = (concepts: readonly string[]): Readonly<Record<string, number>> => {
  const said = new Set(concepts);
  const out: Record<string, number> = {};
  for (const { sides, roles } of JOINT_ROLES) {
    if (!sides.every((side) => side.some((c) => said.has(c)))) continue;
    for (const [code, weight] of Object.entries(roles)) out[code] = (out[code] ?? 0) + weight;
  }
  return out;
};

/** The roles a concept points at, with how directly; none for concepts outside technology. */
export const rolesForConcept = (concept: string): Readonly<Record<string, number>> =>
  CONCEPT_ROLES[concept] ?? {};
