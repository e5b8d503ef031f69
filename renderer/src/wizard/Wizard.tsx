import { Button, Group, Stack, Stepper, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { call } from '../bridge';
import { ErrorAlert, summaryOf } from '../components/ErrorAlert';
import { emptyElu, toElu, type EluForm } from '../components/EluFields';
import { HorairesGrid, type Slot } from '../components/HorairesGrid';
import { emptyIdentity, IdentityFields, toIdentity, type IdentityForm } from '../components/IdentityFields';
import { focusFirstInvalid } from '../lib/errors';
import { useAction } from '../lib/useAction';
import { AccountFields, emptyAccount, type AccountForm } from './AccountStep';
import { ConseilStep } from './ConseilStep';

type StepName = 'commune' | 'horaires' | 'conseil' | 'compte';
const LABELS: Record<StepName, string> = {
  commune: 'La commune',
  horaires: 'Horaires d’ouverture',
  conseil: 'Conseil municipal',
  compte: 'Votre compte',
};
/** Which step shows a field error, from its key's prefix. */
const STEP_OF_PREFIX: Record<string, StepName> = {
  identity: 'commune',
  horaires: 'horaires',
  elus: 'conseil',
  account: 'compte',
};

interface Props {
  withAccount: boolean;
  initial?: { identity?: IdentityForm; horaires?: Slot[] } | undefined;
  onDone: (communeId: string) => void;
  onCancel?: () => void;
}

/** First-run wizard (4 steps) and « Ajouter une commune » (3 steps, no account). */
export function Wizard({ withAccount, initial, onDone, onCancel }: Props) {
  const steps: StepName[] = withAccount
    ? ['commune', 'horaires', 'conseil', 'compte']
    : ['commune', 'horaires', 'conseil'];
  const [active, setActive] = useState(0);
  const [identity, setIdentity] = useState<IdentityForm>(initial?.identity ?? emptyIdentity());
  const [horaires, setHoraires] = useState<Slot[]>(initial?.horaires ?? []);
  const [elus, setElus] = useState<EluForm[]>([emptyElu('maire')]);
  const [account, setAccount] = useState<AccountForm>(emptyAccount());
  const a = useAction();
  const errors = a.fields;
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);

  useEffect(() => {
    if (first.current) first.current = false;
    else heading.current?.focus();
  }, [active]);

  const step = steps[active] ?? 'commune';
  const last = active === steps.length - 1;
  const dataOf = (s: StepName): unknown =>
    s === 'commune' ? toIdentity(identity) : s === 'horaires' ? horaires : s === 'conseil' ? elus.map(toElu) : account;

  /** A refusal about an earlier step (at the final creation) goes back to that step. */
  const showStepOf = (fields: Record<string, string>) => {
    const wrong = steps.findIndex((s) => Object.keys(fields).some((k) => STEP_OF_PREFIX[k.split('.')[0] ?? ''] === s));
    if (wrong >= 0 && wrong !== active) setActive(wrong);
    focusFirstInvalid();
  };

  const submit = a.submit(
    async () => {
      await call('setup.validateStep', { step, data: dataOf(step) });
      if (!last) return setActive(active + 1);
      const res = await call('setup.createCommune', {
        identity: toIdentity(identity),
        horaires,
        elus: elus.map(toElu),
        ...(withAccount ? { account: { ...account } } : {}),
      });
      onDone(res.communeId);
    },
    (ok, fields) => !ok && showStepOf(fields),
  );

  const accountErrors = Object.fromEntries(
    Object.entries(errors)
      .filter(([k]) => k.startsWith('account.'))
      .map(([k, v]) => [k.slice(8), v]),
  );

  return (
    <Stack gap="lg">
      <Stepper active={active} onStepClick={(i) => i < active && setActive(i)} allowNextStepsSelect={false} size="sm">
        {steps.map((s) => (
          <Stepper.Step key={s} label={LABELS[s]} />
        ))}
      </Stepper>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" ref={heading} tabIndex={-1}>
            Étape {active + 1} sur {steps.length} : {LABELS[step]}
          </Title>
          <ErrorAlert>{summaryOf(a.error, errors)}</ErrorAlert>
          {step === 'commune' && <IdentityFields value={identity} onChange={setIdentity} errors={errors} />}
          {step === 'horaires' && (
            <>
              <Text>
                Cochez les demi-journées où la mairie est ouverte au public. Clocher s’en sert pour synchroniser avec la
                préfecture aux heures d’ouverture et pour calculer certains délais.
              </Text>
              <HorairesGrid value={horaires} onChange={setHoraires} error={errors.horaires} />
            </>
          )}
          {step === 'conseil' && <ConseilStep elus={elus} onChange={setElus} errors={errors} />}
          {step === 'compte' && <AccountFields value={account} onChange={setAccount} errors={accountErrors} />}
          <Group justify="space-between" mt="md">
            <Group>
              {onCancel && (
                <Button variant="default" onClick={onCancel}>
                  Annuler
                </Button>
              )}
              {active > 0 && (
                <Button variant="default" onClick={() => setActive(active - 1)}>
                  Précédent
                </Button>
              )}
            </Group>
            <Button type="submit" loading={a.busy}>
              {last ? 'Créer le dossier de la commune' : 'Suivant'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
