// No component renders a literal string: JSX text and text-bearing attributes (aria-label, title,
// placeholder, alt, label) in src/ui, src/charts, src/lab and src/insight must come from the catalogue. Symbols pass.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOTS = ['src/ui', 'src/charts', 'src/i18n', 'src/lab', 'src/insight', 'src/tune'];
const TEXT_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'aria-valuetext']);
/** Words would need translating; a lone symbol or punctuation (×, ?, –, ·) does not. */
const hasWords = (s: string) => /[A-Za-z]{2,}|[\u4e00-\u9fff]/.test(s);

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsxFiles(join(dir, e.name)) : e.name.endsWith('.tsx') ? [join(dir, e.name)] : [],
  );
}

/** Every literal text a file's JSX would render, as `file:line text`. */
export function literalTexts(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    if (!hasWords(text)) return;
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${file}:${line + 1} ${text.trim()}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.expression && ts.isJsxElement(node.parent)) {
      const e = node.expression;
      if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) report(e, e.text);
      if (ts.isTemplateExpression(e)) report(e, e.getText());
    }
    if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText())) {
      const init = node.initializer;
      if (init && ts.isStringLiteral(init)) report(init, init.text);
      if (init && ts.isJsxExpression(init) && init.expression) {
        const e = init.expression;
        if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) report(e, e.text);
        // A template that writes words around its values (`Edit ${name}`) is a sentence to translate.
        if (
          ts.isTemplateExpression(e) &&
          hasWords([e.head.text, ...e.templateSpans.map((s) => s.literal.text)].join(''))
        )
          report(e, e.getText());
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('components render no literal strings', () => {
  it('finds literals where there are some (the check itself works)', () => {
    const planted = `export const A = ({ n }) => (
      <div title="Remove run" aria-label={\`Edit \${n}\`}>
        Hello <b>{'world'}</b> ×
      </div>
    );`;
    expect(literalTexts('planted.tsx', planted).map((l) => l.split(' ').slice(1).join(' '))).toEqual([
      'Remove run',
      '`Edit ${n}`',
      'Hello',
      'world',
    ]);
  });

  it('in src/ui, src/charts, src/i18n, src/lab and src/insight', () => {
    const found = ROOTS.flatMap((root) => tsxFiles(root)).flatMap((f) =>
      literalTexts(f, readFileSync(f, 'utf8')),
    );
    expect(found).toEqual([]);
  });
});
