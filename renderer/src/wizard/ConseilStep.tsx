import { Alert, Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import { EluFields, emptyElu, errorsFor, type EluForm } from '../components/EluFields';

interface Props {
  elus: EluForm[];
  onChange: (v: EluForm[]) => void;
  errors: Record<string, string>;
}

/** The municipal council: one block per élu, numbered, each field named « Nom (élu 1) ». */
export function ConseilStep({ elus, onChange, errors }: Props) {
  const whole = errors.elus;
  return (
    <Stack gap="md">
      <Text>
        Indiquez le maire, les adjoints et les conseillers municipaux en fonction. Les dates servent à savoir qui est en
        fonction à la date d’une séance ou d’une signature. Vous pourrez compléter cette liste plus tard dans
        Paramètres.
      </Text>
      {whole && (
        <Alert color="red" variant="light" role="alert">
          {whole}
        </Alert>
      )}
      {elus.map((elu, i) => (
        <Fieldset key={i} legend={`Élu ${i + 1}`}>
          <EluFields
            row={i + 1}
            value={elu}
            errors={errorsFor(errors, `elus.${i}`)}
            onChange={(v) => onChange(elus.map((e, j) => (j === i ? v : e)))}
          />
          {elus.length > 1 && (
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={() => onChange(elus.filter((_, j) => j !== i))}>
                Retirer l’élu {i + 1}
              </Button>
            </Group>
          )}
        </Fieldset>
      ))}
      <Group>
        <Button variant="light" onClick={() => onChange([...elus, emptyElu('conseiller')])}>
          Ajouter un élu
        </Button>
      </Group>
    </Stack>
  );
}
