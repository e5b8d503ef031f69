import { Alert, type AlertProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** A light Alert whose title and text stay dark (Mantine's light titles in green, orange, violet miss 4.5:1). */
export function Note({ children, ...props }: AlertProps & { children: ReactNode }) {
  return (
    <Alert
      variant="light"
      role="note"
      {...props}
      styles={{
        title: { color: 'var(--mantine-color-black)', fontWeight: 700 },
        message: { color: 'var(--mantine-color-black)' },
      }}
    >
      {children}
    </Alert>
  );
}
