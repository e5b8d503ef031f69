export function folderCycles(
  root: string,
  options?: { withTypes?: boolean },
): Promise<{ cycles: { folders: string[]; edges: string[] }[]; folders: number; files: number }>;
