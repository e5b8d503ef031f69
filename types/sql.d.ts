// SQL migration files are bundled as text at build time (esbuild loader, vite plugin in tests).
declare module '*.sql' {
  const sql: string;
  export default sql;
}
