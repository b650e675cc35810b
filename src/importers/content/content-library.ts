import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  AppError,
  BUILT_IN_TAXONOMY,
  parse,
  validationError,
  type ProblemDetail,
  type RoleContent,
  type TermContent,
} from '../../domain/index.js';
import { RoleFileSchema, TermFileSchema, type RoleFile } from './content-file.schema.js';

export interface LibraryRole {
  code: string;
  content: RoleContent;
  file: string;
}

export interface LibraryTerm {
  slug: string;
  content: TermContent;
  file: string;
}

export interface ContentLibrary {
  roles: LibraryRole[];
  terms: LibraryTerm[];
}

/** Joins the lines of a Markdown body into paragraphs separated by one blank line. */
const bodyText = (body: string): string =>
  body
    .trim()
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');

const readFrontMatter = async (file: string): Promise<{ data: unknown; body: string }> => {
  const raw = await readFile(file, 'utf8');
  // Loaded here, not with the module: only reading the library needs a YAML parser.
  const { default: matter } = await import('gray-matter');
  try {
    const parsed = matter(raw);
    return { data: parsed.data, body: bodyText(parsed.content) };
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    throw validationError(`${file}: the front matter is not valid YAML`, [
      {
        file,
        message: (error as Error).message,
        ...(mark ? { line: mark.line + 2, column: mark.column + 1 } : {}),
      },
    ]);
  }
};

const roleFromFile = (file: RoleFile, summary: string): RoleContent => ({
  name: file.name,
  summary,
  alternativeTitles: file.alternativeTitles,
  responsibilities: file.responsibilities,
  benefits: file.benefits,
  signs: file.signs,
  terms: file.terms,
  skills: file.skills.map((name) => ({ name })),
  technologies: file.technologies,
  relatedRoles: file.relatedRoles.map((code) => ({ taxonomy: BUILT_IN_TAXONOMY, code })),
  links: file.links,
  crosswalk: Object.entries(file.crosswalk).flatMap(([taxonomy, codes]) =>
    (Array.isArray(codes) ? codes : [codes]).map((code) => ({ taxonomy, code })),
  ),
  status: file.status,
});

const markdownFiles = async (dir: string): Promise<string[]> => {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return names
    .filter((n) => n.endsWith('.md') && n !== 'README.md')
    .sort()
    .map((n) => join(dir, n));
};

/** Runs every file's check and collects all problems, so one run lists them all. */
const collect = async <T>(files: string[], load: (file: string) => Promise<T>) => {
  const items: T[] = [];
  const problems: ProblemDetail[] = [];
  for (const file of files) {
    try {
      items.push(await load(file));
    } catch (error) {
      if (error instanceof AppError) problems.push(...error.details);
      else throw error;
    }
  }
  return { items, problems };
};

/**
 * Reads the built-in library: content/roles/*.md and content/terms/*.md, front matter checked
 * against the file schemas. Throws one `validation_failed` listing every problem in every file.
 */
export const readContentLibrary = async (root: string): Promise<ContentLibrary> => {
  const roles = await collect(await markdownFiles(join(root, 'roles')), async (file) => {
    const { data, body } = await readFrontMatter(file);
    const front = parse(RoleFileSchema, data, { file });
    if (`${front.code}.md` !== basename(file)) {
      throw validationError('file name', [
        { file, field: 'code', message: `code ${front.code} must match the file name` },
      ]);
    }
    return { code: front.code, content: roleFromFile(front, body), file };
  });
  const terms = await collect(await markdownFiles(join(root, 'terms')), async (file) => {
    const { data, body } = await readFrontMatter(file);
    const front = parse(TermFileSchema, data, { file });
    if (!body) {
      throw validationError('definition', [
        { file, field: 'definition', message: 'the body (the definition) is empty' },
      ]);
    }
    return { slug: basename(file, '.md'), content: { ...front, definition: body }, file };
  });
  const problems = [...roles.problems, ...terms.problems];
  if (problems.length > 0) {
    throw validationError(`The content library has ${problems.length} problem(s)`, problems);
  }
  return { roles: roles.items, terms: terms.items };
};
