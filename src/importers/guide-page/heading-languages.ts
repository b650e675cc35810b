import type { SectionKind } from './section-kind.js';

/** The languages whose section headings are read, by name, for messages. */
export const HEADING_LANGUAGES = ['English', 'Spanish', 'French', 'German'] as const;

/**
 * How pages in Spanish, French and German head the layout's sections: the usual wordings, each
 * tried from the start of the heading. English headings are told by `headingPatterns`.
 */
export const translatedHeadings: readonly (readonly [SectionKind, RegExp])[] = [
  // Spanish
  [
    'summary',
    /^(?:¿\s*)?(?:qué|que) (?:hace|es) (?:un|una|el|la)\b|^(?:resumen|descripción del puesto|sobre el puesto)$/i,
  ],
  ['alternativeTitles', /^(?:también (?:conocido|llamado)|otros (?:títulos|nombres))\b/i],
  ['responsibilities', /^(?:responsabilidades|funciones|tareas)\b/i],
  [
    'benefits',
    /^(?:¿\s*)?por qué (?:contratar|necesitas|incorporar)\b|^beneficios de contratar\b/i,
  ],
  ['signs', /^(?:señales|indicios)\b|^(?:¿\s*)?cuándo (?:contratar|necesitas)\b/i],
  ['skills', /^(?:habilidades|competencias|aptitudes)\b/i],
  ['terms', /^(?:términos|glosario|vocabulario|terminología)\b/i],
  ['links', /^(?:enlaces|recursos|más información|lecturas)\b/i],
  ['relatedRoles', /^(?:roles|puestos|perfiles) relacionados$/i],
  // French
  [
    'summary',
    /^(?:que fait|qu'est-ce qu'|qu’est-ce qu’|qui est) (?:un|une|le|la)?\b|^(?:résumé|présentation du poste|le poste)$/i,
  ],
  ['alternativeTitles', /^(?:aussi appelé|également appelé|autres (?:intitulés|titres|noms))\b/i],
  ['responsibilities', /^(?:responsabilités|missions|tâches)\b/i],
  ['benefits', /^pourquoi (?:recruter|embaucher|engager)\b|^avantages d['’]/i],
  ['signs', /^(?:signes|signaux|indices)\b|^quand (?:recruter|embaucher)\b/i],
  ['skills', /^(?:compétences|aptitudes)\b/i],
  ['terms', /^(?:termes|glossaire|vocabulaire|lexique)\b/i],
  ['links', /^(?:liens|ressources|pour aller plus loin|en savoir plus)\b/i],
  ['relatedRoles', /^(?:postes|rôles|métiers) (?:associés|proches|similaires)$/i],
  // German
  [
    'summary',
    /^was (?:macht|ist) (?:ein|eine|der|die)\b|^(?:überblick|zusammenfassung|die rolle)$/i,
  ],
  ['alternativeTitles', /^(?:auch bekannt als|andere (?:bezeichnungen|titel|namen))\b/i],
  ['responsibilities', /^(?:aufgaben|verantwortlichkeiten|zuständigkeiten)\b/i],
  ['benefits', /^warum (?:ein|eine|einen)?\b.*\beinstellen\b|^vorteile\b/i],
  ['signs', /^(?:anzeichen|signale)\b|^wann (?:brauchen|sollten)\b/i],
  ['skills', /^(?:fähigkeiten|kompetenzen|qualifikationen)\b/i],
  ['terms', /^(?:begriffe|glossar|fachbegriffe|vokabular)\b/i],
  ['links', /^(?:links|ressourcen|weiterführende|mehr erfahren)\b/i],
  ['relatedRoles', /^(?:verwandte|ähnliche) (?:rollen|berufe|positionen)$/i],
];
