import type { Plugin } from 'esbuild';
export const NO_WOFF2_MESSAGE: string;
export const noWoff2Plugin: Plugin;
