import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';

/** A French error message, announced to screen readers (role="alert"). */
export function ErrorAlert({ children, title }: { children: ReactNode; title?: string }) {
  if (!children) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={title} mb="md">
      {children}
    </Alert>
  );
}

/**
 * The summary to show above a form: when exactly one field is wrong, its message is already under the field
 * (and focus goes there), so the summary would only repeat it.
 */
export function summaryOf(
  message: string | null,
  fields: Record<string, string>,
  isShown: (key: string) => boolean = () => true,
): string | null {
  const keys = Object.keys(fields);
  return keys.length === 1 && isShown(keys[0] ?? '') ? null : message;
}
