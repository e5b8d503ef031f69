export function newestUnder(p: string): { file: string; mtimeMs: number } | null;
export function buildIsCurrent(
  root: string,
  inputs: readonly string[],
  outputs: readonly string[],
): { current: boolean; reason: string };
export function clocherBuildPlan(
  root: string,
  entries: Record<string, string>,
  skipRenderer: boolean,
): { inputs: string[]; outputs: string[] };
