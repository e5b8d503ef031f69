import { Alert, Button, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { base64ToBytes } from '../lib/files';

/**
 * A PDF shown as pages drawn on canvases with pdf.js, so that an élu reads what he signs. Loaded on demand
 * (pdf.js is large), from our own bundle (the CSP allows no remote content, no frames, no eval).
 */
const PAGES_AT_ONCE = 3;

async function loadPdfjs() {
  const pdfjs = await import('pdfjs-dist');
  const worker = (await import('pdfjs-dist/build/pdf.worker.min.mjs?url')).default;
  pdfjs.GlobalWorkerOptions.workerSrc = worker;
  return pdfjs;
}

export function PdfPreview({ base64, title }: { base64: string; title: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState<number | null>(null);
  const [shown, setShown] = useState(PAGES_AT_ONCE);
  const [error, setError] = useState<string | null>(null);
  const doc = useRef<Awaited<ReturnType<Awaited<ReturnType<typeof loadPdfjs>>['getDocument']>['promise']> | null>(null);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const pdfjs = await loadPdfjs();
        const d = await pdfjs.getDocument({ data: base64ToBytes(base64), isEvalSupported: false }).promise;
        if (cancelled) return;
        doc.current = d;
        setPages(d.numPages);
      } catch {
        if (!cancelled)
          setError(
            'Aperçu impossible : le document est peut-être endommagé. Vous pouvez le télécharger pour l’ouvrir.',
          );
      }
    })();
    return () => {
      cancelled = true;
      void doc.current?.destroy();
    };
  }, [base64]);

  useEffect(() => {
    const d = doc.current;
    const el = box.current;
    if (!d || !el || pages === null) return;
    let cancelled = false;
    void (async () => {
      el.replaceChildren();
      for (let n = 1; n <= Math.min(shown, pages) && !cancelled; n++) {
        const page = await d.getPage(n);
        const viewport = page.getViewport({ scale: 1.2 });
        const canvas = document.createElement('canvas');
        canvas.width = viewport.width;
        canvas.height = viewport.height;
        canvas.style.maxWidth = '100%';
        canvas.style.border = '1px solid var(--mantine-color-gray-5)';
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', `${title}, page ${n} sur ${pages}`);
        el.appendChild(canvas);
        await page.render({ canvasContext: canvas.getContext('2d')!, viewport }).promise;
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [pages, shown, title]);

  if (error)
    return (
      <Alert color="orange" variant="light" role="alert">
        {error}
      </Alert>
    );
  return (
    <Stack gap="xs" aria-live="polite">
      {pages === null ? (
        <Loader size="sm" aria-label="Chargement de l’aperçu" />
      ) : (
        <Text size="sm">
          {pages} page{pages > 1 ? 's' : ''}
        </Text>
      )}
      <div ref={box} style={{ display: 'flex', flexDirection: 'column', gap: 8 }} />
      {pages !== null && shown < pages && (
        <Button variant="default" onClick={() => setShown(shown + PAGES_AT_ONCE)}>
          Afficher les pages suivantes
        </Button>
      )}
    </Stack>
  );
}
