import { Title } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';

/** The page's single <h1>; it takes the focus when the page appears, so navigation is announced. */
export function PageTitle({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <Title order={1} ref={ref} tabIndex={-1} size="h2" mb="md">
      {children}
    </Title>
  );
}
