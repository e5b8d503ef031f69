import type { BuildOptions, Plugin } from 'esbuild';
export interface VendorExports {
  [pkg: string]: { group: string; keys: string[]; esModule: boolean };
}
export const LAZY_GROUPS: Record<string, string[]>;
export const VENDOR_DIR: string;
export function buildVendorGroups(
  root: string,
  common: BuildOptions,
  groups?: Record<string, string[]>,
  vendorDir?: string,
): Promise<VendorExports>;
export function shimSource(pkg: string, info: VendorExports[string], requirePath: string): string;
export function lazyVendorPlugin(root: string, outdir: string, exportsOf: VendorExports, vendorDir?: string): Plugin;
