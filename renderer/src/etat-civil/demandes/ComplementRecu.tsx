import { DateField } from '../../components/DateField';

/** Today in Paris, YYYY-MM-DD: the default day the complément arrived (the secrétaire types it as it comes in). */
export const todayParis = () => new Date().toLocaleDateString('fr-CA', { timeZone: 'Europe/Paris' });

/**
 * « Complément reçu le »: a request « incomplète » is completed with the day the answer to the complément letter
 * arrived (décret 2017-890 art. 30), jj/mm/aaaa like every date of Clocher. The core checks it again (not in the
 * future, not before the request) and keeps it in the request's history.
 */
export function ComplementRecu({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string | null;
}) {
  return (
    <DateField
      label="Complément reçu le"
      description="Date à laquelle les renseignements demandés sont arrivés (décret n° 2017-890, art. 30)"
      maw={320}
      mb="sm"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error ?? undefined}
    />
  );
}
