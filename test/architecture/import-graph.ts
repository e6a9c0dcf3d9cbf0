import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** One import of a module by another: `from` and `to` are paths relative to the source root. */
export interface ImportEdge {
  from: string;
  /** A path under the root for a relative import; the specifier as written for a package or `node:` module. */
  to: string;
  /** `import type` / `export type … from`: gone after compilation, so it ties no code together at run time. */
  typeOnly: boolean;
  /** False for packages and `node:` modules. */
  local: boolean;
}

/** The specifiers one TypeScript file imports: static imports, `export … from`, and `import()` with a literal. */
export function importsOf(fileName: string, source: string): { specifier: string; typeOnly: boolean }[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: { specifier: string; typeOnly: boolean }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.importClause?.isTypeOnly === true });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
      found.push({ specifier: node.arguments[0].text, typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** Every `.ts` file under `root` except tests, as paths relative to `root`. */
export function sourceFiles(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(root, path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') ? [relative(root, path)] : [];
  });
}

/** The import graph of the TypeScript sources under `root` (`./x.js` resolves to `x.ts`, as NodeNext writes it). */
export function readImportGraph(root: string): ImportEdge[] {
  return sourceFiles(root).flatMap((from) =>
    importsOf(from, readFileSync(join(root, from), 'utf8')).map(({ specifier, typeOnly }) => {
      if (!specifier.startsWith('.')) return { from, to: specifier, typeOnly, local: false };
      const to = relative(root, resolve(root, dirname(from), specifier)).replace(/\.js$/, '.ts');
      return { from, to, typeOnly, local: true };
    }),
  );
}
