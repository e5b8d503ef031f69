import '@mantine/core/styles.css';
import './theme.css';
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import 'dayjs/locale/fr';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { cssVariablesResolver, theme } from './theme';

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        {/* dates in French, weeks from Monday, 24 h (components/DateField.tsx types them as jj/mm/aaaa) */}
        <DatesProvider settings={{ locale: 'fr', firstDayOfWeek: 1 }}>
          <App />
        </DatesProvider>
      </MantineProvider>
    </StrictMode>,
  );
