/**
 * Fails when modules under src/ import each other in a cycle (type-only imports included: they
 * tie modules together as much for a reader). Prints the modules caught in each cycle.
 * Run by `npm run cycles`, part of `npm test`.
 */
import { relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');
const configFile = ts.readConfigFile(resolve(root, 'tsconfig.json'), (p) => ts.sys.readFile(p));
const config = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);
const srcDir = resolve(root, 'src');
const files = config.fileNames.filter((f) => !relative(srcDir, f).startsWith('..'));

const importsOf = (file: string): string[] => {
  const info = ts.preProcessFile(ts.sys.readFile(file) ?? '', true, true);
  return info.importedFiles.flatMap(({ fileName }) => {
    if (!fileName.startsWith('.')) return [];
    const found = ts.resolveModuleName(fileName, file, config.options, ts.sys).resolvedModule;
    return found && files.includes(found.resolvedFileName) ? [found.resolvedFileName] : [];
  });
};

const graph = new Map(files.map((f) => [f, importsOf(f)]));

// Tarjan's strongly connected components: every component of more than one file is a cycle.
let counter = 0;
const index = new Map<string, number>();
const low = new Map<string, number>();
const stack: string[] = [];
const onStack = new Set<string>();
const cycles: string[][] = [];
const visit = (file: string): void => {
  index.set(file, counter);
  low.set(file, counter);
  counter += 1;
  stack.push(file);
  onStack.add(file);
  for (const next of graph.get(file) ?? []) {
    if (!index.has(next)) {
      visit(next);
      low.set(file, Math.min(low.get(file)!, low.get(next)!));
    } else if (onStack.has(next)) {
      low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
  }
  if (low.get(file) === index.get(file)) {
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.get(file)!.includes(file)) cycles.push(component);
  }
};
for (const file of files) if (!index.has(file)) visit(file);

if (cycles.length === 0) {
  console.log(`No import cycles among ${files.length} modules under src/.`);
} else {
  for (const component of cycles) {
    const names = component.map((f) => relative(root, f)).sort();
    console.error(`Import cycle among ${names.length} modules:\n  ${names.join('\n  ')}`);
  }
  process.exitCode = 1;
}
