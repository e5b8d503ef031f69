import { PDFArray, PDFDict, PDFName, PDFStream, type PDFContext, type PDFObject } from '@cantoo/pdf-lib';

/**
 * Active content in an uploaded PDF. An annex or a scan is read by the élus, the préfecture and the public:
 * it must be a document, not a program. ISO 32000-1 §12.6 (actions), §12.6.4.16 (JavaScript),
 * §12.6.4.5 (Launch), §7.11.4 (embedded files), §12.7.8 (XFA forms carry scripts). Each finding gives the
 * user a reason in French; nothing is stripped silently (the signed or transmitted file must be the one chosen).
 */
const REASONS = {
  javascript: 'il contient du code JavaScript',
  launch: 'il peut lancer un programme ou ouvrir un fichier de l’ordinateur (action « Launch »)',
  automatic: 'il déclenche des actions automatiques à l’ouverture ou à la lecture (actions /AA)',
  embedded: 'il contient des fichiers joints (pièces incorporées au PDF)',
  xfa: 'c’est un formulaire dynamique (XFA) qui peut exécuter des scripts',
  media: 'il contient un contenu multimédia actif (RichMedia)',
  submit: 'il envoie ou importe des données (action de formulaire)',
} as const;
type Finding = keyof typeof REASONS;

/** pdf-lib decodes `#xx` in names only in upper case: decode both, so /J#61vaScript is still JavaScript. */
const nameOf = (n: PDFName) =>
  n
    .asString()
    .slice(1)
    .replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

const ACTIONS: Record<string, Finding> = {
  JavaScript: 'javascript',
  Launch: 'launch',
  ImportData: 'submit',
  SubmitForm: 'submit',
  GoToE: 'embedded',
  RichMediaExecute: 'media',
};

function inspectDict(d: PDFDict, found: Set<Finding>): PDFObject[] {
  const children: PDFObject[] = [];
  for (const [key, value] of d.entries()) {
    const k = nameOf(key);
    if (k === 'JS' || k === 'JavaScript') found.add('javascript');
    else if (k === 'AA') found.add('automatic');
    else if (k === 'EmbeddedFiles' || k === 'EF') found.add('embedded');
    else if (k === 'XFA') found.add('xfa');
    else if ((k === 'S' || k === 'Type' || k === 'Subtype') && value instanceof PDFName) {
      const v = nameOf(value);
      if (k === 'S' && ACTIONS[v]) found.add(ACTIONS[v]);
      if (v === 'EmbeddedFile' || v === 'FileAttachment') found.add('embedded');
      if (v === 'RichMedia') found.add('media');
    }
    children.push(value);
  }
  return children;
}

/** Every object of the file is visited (object streams included: pdf-lib unpacks them at load), nested values too. */
export function activeContent(ctx: PDFContext): Finding[] {
  const found = new Set<Finding>();
  const todo: PDFObject[] = ctx.enumerateIndirectObjects().map(([, o]) => o);
  for (let o = todo.pop(); o !== undefined; o = todo.pop()) {
    if (o instanceof PDFStream) todo.push(o.dict);
    else if (o instanceof PDFDict) todo.push(...inspectDict(o, found));
    else if (o instanceof PDFArray) todo.push(...o.asArray());
  }
  return [...found];
}

/** The French refusal, or null when the PDF is a plain document. */
export function activeContentProblem(ctx: PDFContext): string | null {
  const found = activeContent(ctx);
  if (!found.length) return null;
  const why = found.map((f) => REASONS[f]).join(' ; ');
  return `ce PDF n'est pas un simple document : ${why}. Par sécurité il est refusé. Ouvrez-le et enregistrez-le à nouveau avec « Imprimer » vers PDF (cela ne garde que les pages), puis recommencez.`;
}
