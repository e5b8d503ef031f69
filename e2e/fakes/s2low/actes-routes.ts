/** ACTES endpoints of the fake (protocol §2.1–§2.8), over the FakeState. */
import crypto from 'node:crypto';
import { bordereauPdf, stampPdf } from './pdf';
import { json, text, xml, type Answer, type Req } from './server';
import type { FakeState, Tx } from './state';
import { courrierTarGz, messageTarGz } from './tar';
import { validateActe, sniff, type Classif } from './validate';
import {
  acteXml,
  anomalieActeXml,
  anomalieEnveloppeXml,
  fileName,
  annulationXml,
  arActeXml,
  arAnnulationXml,
  arReponseXml,
  COURRIER_TYPE,
  idActe,
  NATURE_ABREGE,
  type CourrierKind,
} from './xml';

export interface ActesConfig {
  siren: string;
  departement: string; // 3 chars, e.g. '045'
  classif: Classif;
  classificationXml: Buffer;
  rights: 'TT' | 'CS' | 'none';
  advance: 'poll' | 'manual';
  anomaly: (number: string) => string | null;
  /** numéro interne → Detail of an AnomalieEnveloppe (the ministry refused the whole envelope), or null */
  envelopeAnomaly: (number: string) => string | null;
  today: () => string;
  maxArchiveBytes: number;
}

const NATURE_DESCR: Record<number, string> = {
  1: 'Délibérations',
  2: 'Actes réglementaires',
  3: 'Actes individuels',
  4: 'Contrats,conventions et avenants',
  5: 'Documents budgétaires et financiers',
  6: 'Autres',
};
const apiOf = (r: Req) => r.fields.api?.[0] ?? r.query.get('api');
/** Without api=1 the legacy scripts redirect to the web UI (§1). */
const webRedirect: Answer = { status: 302, headers: { location: '/modules/actes/index.php' }, body: '' };

export function actesRouter(s: FakeState, c: ActesConfig): (r: Req) => Answer | Promise<Answer> | null {
  const tx = (id: string | null | undefined): Tx | undefined => s.txs.get(Number(id));

  /** One step of the status machine 1→2→3→4 (or -1 with an AnomalieActe). */
  function step(t: Tx): void {
    const today = c.today();
    if (t.status === 17 || t.status <= 0 || t.status >= 4) return;
    if (t.status < 3) return s.setStatus(t, t.status + 1);
    if (t.type === 1 && t.acte) {
      if (t.envelopeAnomaly) {
        const acteFile = fileName(null, t.uniqueId, '1-1', 0, 'xml');
        // §2.4: for -1 the status line carries S²LOW's own message; an envelope anomaly has none beyond its Detail
        return s.setStatus(
          t,
          -1,
          '',
          anomalieEnveloppeXml({
            date: today,
            nature: '003',
            detail: t.envelopeAnomaly,
            siren: c.siren,
            departement: c.departement,
            acteFile,
          }),
          t.flux,
        );
      }
      if (t.anomaly)
        return s.setStatus(
          t,
          -1,
          t.anomaly,
          anomalieActeXml(t.acte, t.uniqueId, c.classif.date, today, t.anomaly),
          t.flux,
        );
      t.arDate = today;
      return s.setStatus(t, 4, '', arActeXml(t.acte, t.uniqueId, c.classif.date, today), t.flux);
    }
    if (t.type === 6) return s.setStatus(t, 4, '', arAnnulationXml(t.uniqueId, today), t.flux);
    if (t.typeReponse !== null && (t.type === 3 || t.type === 4))
      return s.setStatus(
        t,
        4,
        '',
        arReponseXml(t.type === 3 ? 'ARPieceComplementaire' : 'ARReponseRejetLettreObservations', t.uniqueId, today),
        t.flux,
      );
    s.setStatus(t, 4);
  }

  function create(r: Req): Answer {
    if (apiOf(r) !== '1') return webRedirect;
    s.stats.actesPosts++;
    if (r.bodyBytes > c.maxArchiveBytes)
      return text(
        `KO\nLa taille totale des fichiers est trop importante (max : ${Math.round(c.maxArchiveBytes / 1048576)} Mo)\n`,
      );
    if (c.rights === 'none') return text("KO\nVous n'avez pas les droits nécessaires pour créer une transaction\n");
    const v = validateActe(r.fields, r.files, c.classif, c.today());
    if (!v.ok) return text(`KO\n${v.message}\n`);
    if (s.findActe(v.acte.number)) {
      s.stats.duplicateRefusals++;
      return text(
        `KO\nUn acte portant le même numéro interne existe déjà pour cette collectivité (${v.acte.number})\n`,
      );
    }
    const uniqueId = idActe(c.departement, c.siren, v.acte);
    const status = c.rights === 'CS' || r.fields.en_attente?.[0] === '1' ? 17 : 1;
    const t = s.newTx({
      type: 1,
      status,
      number: v.acte.number,
      uniqueId,
      subject: v.acte.subject,
      decisionDate: v.acte.decisionDate,
      nature: v.acte.nature,
      classification: v.acte.classif.join('.'),
      acte: v.acte,
    });
    t.acteXml = acteXml(v.acte, uniqueId, c.classif.date);
    t.msgFileId = s.nextId();
    t.files = r.files.map((f, i) => ({
      id: s.nextId(),
      name: f.filename,
      bytes: f.bytes,
      code: i === 0 ? v.acte.typeActe : (v.acte.typePj[i - 1] ?? null),
    }));
    t.anomaly = c.anomaly(v.acte.number) ?? undefined;
    t.envelopeAnomaly = c.envelopeAnomaly(v.acte.number) ?? undefined;
    s.stats.acceptedByNumber.set(v.acte.number, (s.stats.acceptedByNumber.get(v.acte.number) ?? 0) + 1);
    return text(`OK\n${t.id}\n`);
  }

  function status(r: Req): Answer {
    const uid = r.query.get('unique_id');
    const t = uid
      ? [...s.txs.values()].find((x) => x.type === 1 && x.uniqueId === uid)
      : tx(r.query.get('transaction'));
    if (!t) return text("KO\nLa transaction n'existe pas\n");
    if (c.advance === 'poll') step(t);
    const last = t.history[t.history.length - 1];
    if (t.status === -1)
      return text(`OK\n-1\n${last?.message || (t.flux.has(-1) ? '' : 'Erreur')}\n${t.flux.get(-1) ?? ''}`);
    return text(`OK\n${t.status}\n${t.flux.get(t.status) ?? ''}`);
  }

  function cancel(r: Req): Answer {
    if (apiOf(r) !== '1') return webRedirect;
    if (c.rights !== 'TT') return text("KO\nVous n'avez pas le droit de télétransmettre\n");
    const t = tx(r.fields.id?.[0]);
    if (!t || t.type !== 1) return text("KO\nLa transaction n'existe pas ou n'est pas un acte\n");
    if ([...s.txs.values()].some((x) => x.type === 6 && x.relatedId === t.id))
      return text('KO\nUne annulation est déjà en cours pour cet acte\n');
    if (t.status !== 4)
      return text("KO\nImpossible d'annuler une transaction qui n'est pas en état « Acquittement reçu »\n");
    const a = s.newTx({
      type: 6,
      status: 1,
      relatedId: t.id,
      number: t.number,
      uniqueId: t.uniqueId,
      nature: t.nature,
      subject: t.subject,
      decisionDate: t.decisionDate,
    });
    a.acteXml = annulationXml(t.uniqueId);
    return text(`OK\n${a.id}\n`);
  }

  function listActes(r: Req): Answer {
    if (c.rights === 'none') return text("KO\nVous n'avez pas les droits sur le module actes\n");
    const status = Number(r.query.get('status_id') ?? 0);
    const offset = Number(r.query.get('offset') ?? 0);
    const limit = Number(r.query.get('limit') ?? 100);
    const rows = [...s.txs.values()]
      .filter((t) => t.status === status)
      .sort((a, b) => b.id - a.id)
      .slice(offset, offset + limit)
      .map((t) => ({
        id: String(t.id),
        subject: t.subject,
        number: t.number,
        date: t.decisionDate,
        nature_descr: NATURE_DESCR[t.nature] ?? '',
        classification: t.classification,
        type: String(t.type),
      }));
    return json({ status_id: status, authority_id: 1, offset, limit, transactions: rows });
  }

  function reponse(r: Req): Answer {
    const inQuery = r.query.get('api') === '1';
    const ko = (m: string) => text(inQuery ? `KO : ${m}\n` : `KO\n${m}\n`);
    if (apiOf(r) !== '1') return webRedirect;
    const courrier = tx(r.fields.id?.[0]);
    if (!courrier || ![2, 3, 4].includes(courrier.type) || courrier.typeReponse !== null)
      return ko('Cette transaction ne peut pas recevoir de réponse');
    const typeEnvoie = Number(r.fields.type_envoie?.[0]);
    const allowed = courrier.type === 2 ? [1] : [3, 4];
    if (!allowed.includes(typeEnvoie)) return ko('Type de réponse incorrect');
    const typeActe = r.fields.type_acte?.[0] ?? '';
    if (!/^[A-Z0-9_]{5}$/.test(typeActe)) return ko('La typologie de la pièce est absente');
    const main = r.files.find((f) => f.field === 'acte_pdf_file');
    if (!main || !sniff(main.bytes)) return ko('Le fichier de réponse est obligatoire (PDF, PNG, JPEG ou XML)');
    const t = s.newTx({
      type: courrier.type,
      status: 1,
      relatedId: courrier.id,
      typeReponse: typeEnvoie,
      number: courrier.number,
      uniqueId: courrier.uniqueId,
      lu: true,
    });
    t.files = r.files.map((f) => ({ id: s.nextId(), name: f.filename, bytes: f.bytes, code: typeActe }));
    return text(inQuery ? `OK : id généré : ${t.id}\n` : `OK\n${t.id}\n`);
  }

  function getDocument(r: Req): Answer {
    const t = tx(r.query.get('id'));
    if (!t) return text("KO\nLa transaction n'existe pas\n");
    if (t.courrier)
      return {
        status: 302,
        headers: { location: `/modules/actes/actes_download_file.php?env=${t.courrier.envelopeId}` },
        body: '',
      };
    const lines = [...s.txs.values()]
      .filter((x) => x.relatedId === t.id && x.courrier)
      .map((x) => `${x.type}-${x.status}-${x.id}`);
    return text(lines.join('\n') + (lines.length ? '\n' : ''));
  }

  /** §2.5 the files of a transaction; index 0 = message XML, 1 = main document, 2… annexes. */
  function filesOf(t: Tx) {
    const row = (id: number, filename: string, posted: string, bytes: Buffer, code: string | null) => ({
      id: String(id),
      filename,
      posted_filename: posted,
      mimetype:
        ({ pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', xml: 'text/xml' } as Record<string, string>)[
          sniff(bytes) ?? ''
        ] ?? 'application/octet-stream',
      filesize: String(bytes.length),
      signature: '',
      sha1: crypto.createHash('sha1').update(bytes).digest('hex'),
      code_pj: code ?? '',
    });
    const msg = Buffer.from(t.acteXml ?? '', 'latin1');
    return [
      row(
        t.msgFileId ?? 0,
        fileName(null, t.uniqueId, '1-1', 0, 'xml'),
        fileName(null, t.uniqueId, '1-1', 0, 'xml'),
        msg,
        null,
      ),
      ...t.files.map((f, i) =>
        row(
          f.id,
          fileName(f.code, t.uniqueId, '1-1', i + 1, f.name.split('.').pop()?.toLowerCase() ?? 'pdf'),
          f.name,
          f.bytes,
          f.code,
        ),
      ),
    ];
  }

  /** Nothing before the AR: « KO / Pas d'acquittement recu » while the history only has 1, 2, 3. */
  function filesList(r: Req): Answer {
    const t = tx(r.query.get('transaction'));
    if (!t || t.type !== 1) return text("KO\nLa transaction n'existe pas\n");
    if (t.history.every((h) => [1, 2, 3].includes(h.status))) return text("KO\nPas d'acquittement recu\n");
    return json(filesOf(t));
  }

  async function bordereau(r: Req): Promise<Answer> {
    const t = tx(r.query.get('trans_id'));
    if (!t || t.type !== 1) return text("KO\nLa transaction n'existe pas\n");
    if (t.status !== 4 || !t.arDate) return text("KO\nPas d'acquittement recu\n");
    t.bordereau ??= bordereauPdf({
      authority: 'Commune de test',
      siren: c.siren,
      idActe: t.uniqueId,
      transactionId: t.id,
      number: t.number,
      nature: NATURE_DESCR[t.nature] ?? '',
      classification: t.classification,
      decisionDate: t.decisionDate,
      subject: t.subject,
      dateReception: t.arDate,
      files: filesOf(t).slice(1),
    });
    return {
      type: 'application/pdf',
      headers: { 'content-disposition': `attachment; filename="bordereau-${t.id}.pdf"` },
      body: await t.bordereau,
    };
  }

  /** `file=<id>[&tampon=true]`: the posted file, stamped « Reçu en préfecture » once the AR exists (PDF only). */
  async function downloadFile(fileId: number, tampon: boolean): Promise<Answer> {
    const t = [...s.txs.values()].find((x) => x.files.some((f) => f.id === fileId) || x.msgFileId === fileId);
    if (!t) return { status: 404, body: 'Not found' };
    if (t.msgFileId === fileId) return xml(t.acteXml ?? '');
    const f = t.files.find((x) => x.id === fileId) as Tx['files'][number];
    const pdf = sniff(f.bytes) === 'pdf';
    let body = f.bytes;
    if (tampon && pdf && t.status === 4 && t.arDate) {
      t.stamped ??= new Map();
      if (!t.stamped.has(fileId)) t.stamped.set(fileId, stampPdf(f.bytes, t.arDate, t.uniqueId));
      body = await (t.stamped.get(fileId) as Promise<Buffer>);
    }
    return {
      type: pdf ? 'application/pdf' : 'application/octet-stream',
      headers: { 'content-disposition': `attachment; filename="${f.name.replace(/"/g, '')}"` },
      body,
    };
  }

  function download(r: Req): Answer | Promise<Answer> {
    if (r.query.get('file')) return downloadFile(Number(r.query.get('file')), r.query.get('tampon') === 'true');
    const env = Number(r.query.get('env'));
    const t = [...s.txs.values()].find((x) => x.courrier?.envelopeId === env);
    if (!t?.courrier) return { status: 404, body: 'Not found' };
    return { type: 'application/x-gzip', body: t.courrier.tarGz };
  }

  return (r) => {
    const p = r.path.replace(/^\/modules\/actes\//, '');
    switch (p) {
      case 'actes_transac_create.php':
        return r.method === 'POST' ? create(r) : text('KO\nMéthode incorrecte\n');
      case 'actes_transac_get_status.php':
        return status(r);
      case 'actes_transac_get_ARActe.php': {
        const ar = tx(r.query.get('id'))?.flux.get(4);
        return ar ? xml(ar) : text("KO\nPas d'accusé de réception pour cette transaction\n");
      }
      case 'actes_transac_cancel.php':
        return cancel(r);
      case 'api/list_actes.php':
        return listActes(r);
      case 'actes_classification_fetch.php':
        if (apiOf(r) !== '1') return webRedirect;
        return xml(c.classificationXml.toString('latin1'));
      case 'actes_classification_request.php': {
        if (apiOf(r) !== '1') return webRedirect;
        if (c.rights !== 'TT') return text("KO\nVous n'avez pas le droit de télétransmettre\n");
        return text(`OK\n${s.newTx({ type: 7, status: 1 }).id}\n`);
      }
      case 'api/list_document_prefecture.php':
        return json(
          [...s.txs.values()]
            .filter((t) => [2, 3, 4, 5].includes(t.type) && t.typeReponse === null && !t.lu)
            .map((t) => ({
              id: String(t.id),
              type: String(t.type),
              related_transaction_id: String(t.relatedId),
              number: t.number,
              unique_id: t.uniqueId,
              last_status_id: String(t.status),
            })),
        );
      case 'api/document_prefecture_mark_as_read.php': {
        const t = tx(r.query.get('transaction_id'));
        if (t) t.lu = true;
        return json({ result: 'ok' });
      }
      case 'actes_transac_get_document.php':
        return getDocument(r);
      case 'actes_download_file.php':
        return download(r);
      case 'actes_transac_get_files_list.php':
        return filesList(r);
      case 'actes_create_pdf.php':
        return bordereau(r);
      case 'actes_transac_reponse_create.php':
        return reponse(r);
      default:
        return null;
    }
  };

  // (helpers below are used by the control API in index.ts)
}

/** A préfecture message on one of our acts, as S²LOW receives it from the ministry (§2.8). */
export function addCourrier(s: FakeState, c: ActesConfig, acteId: number, kind: CourrierKind, texte: string): Tx {
  const acte = s.txs.get(acteId);
  if (!acte || acte.type !== 1) throw new Error(`acte ${acteId} inconnu`);
  const { txType } = COURRIER_TYPE[kind];
  const envelopeId = s.nextId();
  const status = txType === 2 || txType === 5 ? 21 : 7;
  const tarGz = courrierTarGz(kind, acte.uniqueId, c.today(), texte, c.siren, envelopeId, c.departement);
  return s.newTx({
    type: txType,
    status,
    relatedId: acte.id,
    number: acte.number,
    uniqueId: acte.uniqueId,
    nature: acte.nature,
    courrier: { kind, tarGz, envelopeId },
  });
}

/**
 * Any message on one of our acts listed as a préfecture document of S²LOW type `txType` (§2.8), with the root
 * the test chooses: a kind the client does not know yet, or a reply shape (PieceComplementaire…).
 */
export function addRawMessage(
  s: FakeState,
  c: ActesConfig,
  acteId: number,
  p: { txType: number; msg: string; xml: string; files?: { name: string; bytes: Buffer }[] },
): Tx {
  const acte = s.txs.get(acteId);
  if (!acte || acte.type !== 1) throw new Error(`acte ${acteId} inconnu`);
  const envelopeId = s.nextId();
  const tarGz = messageTarGz({
    siren: c.siren,
    departement: c.departement,
    date: c.today(),
    envelopeId,
    message: { name: fileName(null, acte.uniqueId, p.msg, 0, 'xml'), xml: p.xml },
    files: p.files ?? [],
  });
  const root = /<(?:\w+:)?(\w+)[\s>]/.exec(p.xml.replace(/<\?xml[^>]*>/, ''))?.[1] ?? 'inconnu';
  return s.newTx({
    type: p.txType,
    status: 21,
    relatedId: acte.id,
    number: acte.number,
    uniqueId: acte.uniqueId,
    nature: acte.nature,
    courrier: { kind: root, tarGz, envelopeId },
  });
}

export { NATURE_ABREGE };
