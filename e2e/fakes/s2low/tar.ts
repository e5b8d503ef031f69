/**
 * Courrier tarballs as S²LOW serves them (protocol §2.8: EnveloppeMISILLCL + message métier `…-2-1_0.xml`
 * + PDF `…_1.pdf`), written synchronously (ustar headers by hand, gzip by zlib).
 */
import zlib from 'node:zlib';
import { COURRIER_TYPE, courrierXml, enveloppeMisillclXml, fileName, type CourrierKind } from './xml';

function header(name: string, size: number): Buffer {
  const h = Buffer.alloc(512, 0);
  h.write(name.slice(0, 100), 0, 'latin1');
  h.write('0000644\0', 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(size.toString(8).padStart(11, '0') + '\0', 124);
  h.write(
    Math.floor(Date.now() / 1000)
      .toString(8)
      .padStart(11, '0') + '\0',
    136,
  );
  h.write('        ', 148);
  h.write('0', 156);
  h.write('ustar\0' + '00', 257, 'latin1');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1');
  return h;
}

export function tarGz(files: { name: string; bytes: Buffer }[]): Buffer {
  const parts: Buffer[] = [];
  for (const f of files) {
    parts.push(header(f.name, f.bytes.length), f.bytes, Buffer.alloc((512 - (f.bytes.length % 512)) % 512, 0));
  }
  parts.push(Buffer.alloc(1024, 0));
  return zlib.gzipSync(Buffer.concat(parts));
}

/** A one-page PDF with a line of text: enough for a sniffer and a viewer. */
export function tinyPdf(line: string): Buffer {
  const content = `BT /F1 12 Tf 72 720 Td (${line.replace(/[()\\]/g, '')}) Tj ET`;
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export function courrierTarGz(
  kind: CourrierKind,
  idActe: string,
  date: string,
  texte: string,
  siren: string,
  envelopeId: number,
  departement = idActe.slice(0, 3),
): Buffer {
  const { msg } = COURRIER_TYPE[kind];
  const pdfName = fileName(null, idActe, msg, 1, 'pdf');
  return messageTarGz({
    siren,
    departement,
    date,
    envelopeId,
    message: { name: fileName(null, idActe, msg, 0, 'xml'), xml: courrierXml(kind, idActe, date, texte, pdfName) },
    files: [{ name: pdfName, bytes: tinyPdf(`${kind} - ${texte}`) }],
  });
}

/** Any message as S²LOW serves it (§2.8): its EnveloppeMISILLCL `TACT--SPREF0011-<SIREN>-<date>-<n>.xml`, the message, its files. */
export function messageTarGz(p: {
  siren: string;
  departement: string;
  date: string;
  envelopeId: number;
  message: { name: string; xml: string };
  files: { name: string; bytes: Buffer }[];
}): Buffer {
  const envName = `TACT--SPREF0011-${p.siren}-${p.date.replace(/-/g, '')}-${p.envelopeId}.xml`;
  return tarGz([
    { name: envName, bytes: Buffer.from(enveloppeMisillclXml(p.departement, p.siren, [p.message.name]), 'latin1') },
    { name: p.message.name, bytes: Buffer.from(p.message.xml, 'latin1') },
    ...p.files,
  ]);
}
