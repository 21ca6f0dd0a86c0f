import type { ValidationReport } from './validation-options.js';

/** One report summing several (e.g. one per file); issue lists are concatenated. */
export function combineReports(reports: readonly ValidationReport[]): ValidationReport {
  const first = reports[0];
  return {
    policy: first?.policy ?? 'error',
    rowsIn: sum(reports, (r) => r.rowsIn),
    rowsOut: sum(reports, (r) => r.rowsOut),
    dropped: reports.flatMap((r) => r.dropped),
    droppedCount: sum(reports, (r) => r.droppedCount),
    repaired: reports.flatMap((r) => r.repaired),
    repairedCount: sum(reports, (r) => r.repairedCount),
    warnings: reports.flatMap((r) => r.warnings),
    warningCount: sum(reports, (r) => r.warningCount),
  };
}

function sum(reports: readonly ValidationReport[], f: (r: ValidationReport) => number): number {
  let s = 0;
  for (const r of reports) s += f(r);
  return s;
}
