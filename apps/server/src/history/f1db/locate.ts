// Where a value sits in a YAML file, for error messages: js-yaml hands back plain values without
// positions, so the line is found again in the text by walking the path through block indentation.
// Only called for a file that already failed, so its cost never touches a good import.

/** 1-based line of the value at `path` (array indexes and keys), or of its nearest existing parent. */
export function lineOf(text: string, path: readonly (string | number)[]): number {
  const lines = text.split('\n');
  let from = 0;
  let to = lines.length;
  let line = 1;
  for (const segment of path) {
    const found = typeof segment === 'number' ? findItem(lines, from, to, segment) : findKey(lines, from, to, segment);
    if (found === null) break;
    line = found.line + 1;
    from = found.line;
    to = found.end;
  }
  return line;
}

const indentOf = (s: string) => s.length - s.trimStart().length;
const isContent = (s: string) => s.trim() !== '' && !s.trimStart().startsWith('#');

/** The block of a node starting at `start`: until the next line at or left of `indent`. */
function blockEnd(lines: string[], start: number, to: number, indent: number): number {
  for (let i = start + 1; i < to; i++) if (isContent(lines[i]!) && indentOf(lines[i]!) <= indent) return i;
  return to;
}

function findItem(lines: string[], from: number, to: number, index: number): { line: number; end: number } | null {
  let indent = -1;
  let seen = -1;
  for (let i = from; i < to; i++) {
    const s = lines[i]!;
    const t = s.trimStart();
    if (!t.startsWith('- ') && t !== '-') continue;
    const at = s.indexOf('-');
    if (indent === -1) indent = at;
    if (at !== indent) continue;
    if (++seen === index) {
      let end = to;
      for (let j = i + 1; j < to; j++) {
        const u = lines[j]!;
        if (isContent(u) && (indentOf(u) < indent || (indentOf(u) === indent && u.trimStart().startsWith('-')))) {
          end = j;
          break;
        }
      }
      return { line: i, end };
    }
  }
  return null;
}

function findKey(lines: string[], from: number, to: number, key: string): { line: number; end: number } | null {
  const re = new RegExp(`^(\\s*(?:- )?)${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`);
  for (let i = from; i < to; i++) {
    const m = re.exec(lines[i]!);
    if (m) return { line: i, end: blockEnd(lines, i, to, m[1]!.length - (m[1]!.endsWith('- ') ? 0 : 0)) };
  }
  return null;
}
