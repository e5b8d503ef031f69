import { Alert, Button, Text } from '@mantine/core';
import type { ErrorValue } from '../bridge';

interface Props {
  /** app.status `damage`: the commune's pages were found damaged after it was opened (main/host/communes.ts) */
  damage: ErrorValue;
  canRestore: boolean;
  onRestore: () => void;
}

/**
 * Above every page while the open commune is damaged (issue 9: the check now runs after login, so the damage may be
 * found while the secrétaire works). Reads go on; the core refuses every change with the same message.
 */
export function DamageBanner({ damage, canRestore, onRestore }: Props) {
  return (
    <Alert color="red" variant="light" role="alert" mb="md" title="Le dossier de la commune est endommagé">
      {/* the core's message says what still works and what to do (main/db/sqlite.ts damagedInUseError) */}
      <Text size="sm">{damage.message}</Text>
      {canRestore ? (
        <Button mt="sm" color="red" onClick={onRestore}>
          Choisir une sauvegarde à restaurer
        </Button>
      ) : (
        <Text size="sm" mt="xs" fw={600}>
          Seule la secrétaire de mairie (ou le support) peut restaurer une sauvegarde : prévenez-la.
        </Text>
      )}
    </Alert>
  );
}
