// @socialgouv/jours-feries ships no types: a map from the holiday's French name to a local-midnight Date.
declare module '@socialgouv/jours-feries' {
  export default function joursFeries(year: number, options?: { alsace?: boolean }): Record<string, Date>;
}
