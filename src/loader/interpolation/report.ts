import type { Diagnostics, SourceLoc } from '../../diag/diagnostic.js';
import type { TemplateProblem } from './template.js';

/**
 * A template problem as a diagnostic, worded as Compose words it ("required variable X is
 * missing a value: ...") so messages users search for still match. Shared by the Compose-file
 * stage and the `.env` parser.
 */
export function reportProblem(
  diags: Diagnostics,
  p: TemplateProblem,
  loc: SourceLoc | undefined,
  raw: string,
): void {
  if (p.kind === 'required') {
    diags.error(
      'interpolate-required',
      p.reason
        ? `required variable ${p.name} is missing a value: ${p.reason}`
        : `required variable ${p.name} is missing a value`,
      loc,
      { hint: `set ${p.name} in the environment, in .env, or in a file given with --env-file` },
    );
    return;
  }
  diags.error('interpolate-syntax', `invalid interpolation: ${p.message}`, loc, {
    detail: `in ${JSON.stringify(raw)}`,
    hint: 'write $$ for a literal $',
  });
}
