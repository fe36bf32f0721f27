/**
 * The engine speaks no story's words: warp drives, transporters and subspace are the built-in
 * starship scenario's physics (scenarios/delta-quadrant.yaml), not the model's. Every TypeScript
 * file under src/ is scanned with its comments removed (comments may cite a story as an example).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './cli-harness.js';

const STORY_WORDS =
  /\b(warp|impulse|beam(s|ed|ing)?|transporters?|antimatter|dilithium|subspace|starships?)\b/i;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The file's code without its comments: the text of every leaf of its syntax tree (comments are trivia). */
function withoutComments(text: string, file: string): { text: string; line: number }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: { text: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    // Doc comments are parsed into nodes of their own: they are comments still.
    if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode) return;
    if (node.getChildCount(source) === 0) {
      out.push({
        text: node.getText(source),
        line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
      });
    }
    for (const child of node.getChildren(source)) visit(child);
  };
  visit(source);
  return out;
}

/** Places in `src/` where a story word appears outside comments. */
export function storyWordsIn(root: string): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const token of withoutComments(text, file)) {
      const match = STORY_WORDS.exec(token.text);
      if (match) found.push(`${relative(root, file)}:${token.line}: ${match[0]}`);
    }
  }
  return found;
}

describe('the words of src/', () => {
  it('are no story’s: no warp, impulse, beaming, transporter, antimatter, dilithium, subspace or starship outside comments', () => {
    expect(storyWordsIn(projectRoot)).toEqual([]);
  });

  it('would be caught in code, and not in comments', () => {
    const tokens = withoutComments('// warp drive\nconst speed = { warp: 1 }; /* subspace */\n', 'x.ts');
    const words = tokens.filter((t) => STORY_WORDS.test(t.text));
    expect(words).toEqual([{ text: 'warp', line: 2 }]);
    const template = withoutComments('const s = `${a} beams to ${b}`;', 'y.ts');
    expect(template.some((t) => STORY_WORDS.test(t.text))).toBe(true);
  });
});
