/** A problem found in the content, said so a writer can fix it without reading code. */
export interface ContentProblem {
  /** Path from the project root, e.g. content/incidents/synnovis-pathology-2024.md */
  file: string;
  /** Field path in the entry, e.g. actors[0].id; empty for problems with the whole file. */
  field: string;
  /** The offending value, when there is one. */
  value?: unknown;
  /** What is wrong. */
  message: string;
  /** How to fix it, when that is not already plain from the message. */
  fix?: string;
}

/** Field path as a writer sees it in YAML: actors[0].id */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += (out ? '.' : '') + String(part);
  }
  return out;
}

function formatValue(value: unknown): string {
  if (value === undefined) return '(missing)';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function formatProblem(problem: ContentProblem): string {
  const where = problem.field ? `${problem.file} → ${problem.field}` : problem.file;
  const value = 'value' in problem ? ` (found ${formatValue(problem.value)})` : '';
  const fix = problem.fix ? `\n    fix: ${problem.fix}` : '';
  return `  ✗ ${where}: ${problem.message}${value}${fix}`;
}

/** The whole report, grouped so every file's problems read together. */
export function formatProblems(problems: readonly ContentProblem[]): string {
  const files = new Set(problems.map((p) => p.file));
  const lines = [
    `Content check failed: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files.size} file${files.size === 1 ? '' : 's'}.`,
    ...problems.map(formatProblem),
    'Nothing was built. Fix the content above and build again (npm run check:content checks content alone, quickly).',
  ];
  return lines.join('\n');
}

export class ContentError extends Error {
  readonly problems: readonly ContentProblem[];
  constructor(problems: readonly ContentProblem[]) {
    super(formatProblems(problems));
    this.name = 'ContentError';
    this.problems = problems;
  }
}
