import { z } from 'zod';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'not a calendar date');
const filled = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} is empty`)
    .refine((value) => !/^<.*>$/.test(value), `${what} is still the placeholder the report printed: write it`);

/** One acknowledged breaking change: which change (as graphql-inspector reports it), why, when and by whom. */
export const breakingChangeAcknowledgementSchema = z.strictObject({
  type: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'expected a graphql-inspector change type such as FIELD_REMOVED'),
  path: z.string().min(1, 'path is empty'),
  reason: filled('reason').pipe(z.string().min(10, 'reason must say why the front-ends are not broken (10 characters at least)')),
  date: isoDate,
  acknowledgedBy: filled('acknowledgedBy'),
  /** graphql-inspector's message, for the reader; not used to match. */
  message: z.string().optional(),
});

/** The committed file schema/breaking-changes.json. */
export const breakingChangesFileSchema = z.strictObject({
  $comment: z.string().optional(),
  acknowledgements: z.array(breakingChangeAcknowledgementSchema),
});

export type BreakingChangeAcknowledgement = z.infer<typeof breakingChangeAcknowledgementSchema>;

/**
 * Reads the text of schema/breaking-changes.json. Throws an error naming the file and, for each
 * problem, the entry and field at fault; an entry acknowledged twice is refused too.
 */
export function parseBreakingChangesFile(text: string, fileName: string): BreakingChangeAcknowledgement[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${fileName} is not JSON: ${(error as Error).message}`);
  }
  const parsed = breakingChangesFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.path.length > 0 ? issue.path.join('.') : '(file)'}: ${issue.message}`);
    throw new Error(`${fileName} is invalid:\n${problems.join('\n')}`);
  }
  const seen = new Set<string>();
  for (const [index, entry] of parsed.data.acknowledgements.entries()) {
    const key = `${entry.type} ${entry.path}`;
    if (seen.has(key)) throw new Error(`${fileName} is invalid:\n  - acknowledgements.${index}: ${key} is acknowledged twice`);
    seen.add(key);
  }
  return parsed.data.acknowledgements;
}
