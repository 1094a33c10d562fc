// Text that goes into the Python file: data as a JSON literal Python parses back exactly, and
// untrusted text (run names) made safe for a comment line.

/** Non-ASCII as JSON \u escapes: the literal stays ASCII, and json.loads rejoins surrogate pairs. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** JSON with a container on one line where it fits in `width`, else one item per line. */
export function prettyJson(value: unknown, indent = '', width = 100): string {
  const flat = asciiJson(value);
  if (flat.length + indent.length <= width || typeof value !== 'object' || value === null) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((v) => `${inner}${prettyJson(v, inner, width)}`);
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  const items = entries.map(([k, v]) => `${inner}${asciiJson(k)}: ${prettyJson(v, inner, width)}`);
  return `{\n${items.join(',\n')}\n${indent}}`;
}

/**
 * `value` as a Python expression: json.loads of a raw triple-quoted string. JSON text never holds
 * three quotes in a row (a string is always followed by , : ] } or space), and in a raw string a
 * backslash stays the JSON escape it is.
 */
export function pythonJson(value: unknown): string {
  return `json.loads(r"""\n${prettyJson(value)}\n""")`;
}

// Control characters, lone surrogates and the Unicode line and paragraph separators.
const NOT_FOR_COMMENTS = /[\p{Cc}\u2028\u2029\uD800-\uDFFF]/gu;

/** Untrusted text for a `#` comment: nothing in it can end the line. */
export function commentText(s: string): string {
  return s.replace(NOT_FOR_COMMENTS, '\uFFFD');
}

/** Lines as a comment block: "# " before each, "#" alone for an empty one. */
export function comment(lines: readonly string[]): string {
  return lines.map((l) => (l === '' ? '#' : `# ${commentText(l)}`)).join('\n');
}
