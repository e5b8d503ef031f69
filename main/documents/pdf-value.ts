/** A PDF as the window receives it (base64 in the reply; the window offers it to open or save). */
export const pdfValue = (nom: string, bytes: Uint8Array) => ({
  nom,
  mime: 'application/pdf' as const,
  base64: Buffer.from(bytes).toString('base64'),
});
