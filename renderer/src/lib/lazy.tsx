/**
 * Start-up: the login screen comes from a small entry chunk; each domain's screens load when first shown
 * (React.lazy), with a French loading state, so nobody waits at the login for the conseil or the parapheur.
 */
import { Center, Group, Loader, Text } from '@mantine/core';
import { lazy, type ComponentType } from 'react';

/** A named export of a module, loaded on first render; `load()` fetches it ahead of time (idle prefetch). */
export function lazyNamed<P extends object, K extends string>(
  load: () => Promise<{ [k in K]: ComponentType<P> }>,
  name: K,
) {
  const Component = lazy(async () => ({ default: (await load())[name] }));
  return Object.assign(Component, { load });
}

/** What the window shows while a screen's code arrives (usually a few tens of milliseconds). */
export function ScreenLoading({ label = 'Chargement de la page' }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text>{label}…</Text>
      </Group>
    </Center>
  );
}
