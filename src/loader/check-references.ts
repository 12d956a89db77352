import type { Diagnostics } from '../diag/diagnostic.js';
import type { Project } from '../model/compose.js';

// STUB: replaced by the references stage (depends_on, networks, volumes, configs, secrets exist).
export function checkReferences(project: Project, diags: Diagnostics): void {
  void project;
  void diags;
}
