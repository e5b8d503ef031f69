/**
 * The S²LOW calls, one function per endpoint of s2low-protocol.md (section in each comment). Each names the
 * kind of its answer, so that its size is capped before anything parses it (S2lowHttp.limits).
 */
import { gunzipBounded, okKo, S2lowHttp, TransportError, type FormPart } from './http';
import { parseHeliosChange, parseHeliosImport, parseHeliosStatus, parsePesRetourList } from './messages';

export interface ListedTx {
  id: string;
  number: string;
  type: string;
  subject?: string;
}

/** One entry of §2.5 actes_transac_get_files_list.php. */
export interface ActeFile {
  id: string;
  filename: string;
  posted_filename: string;
  mimetype: string;
  filesize: string | number;
  sha1: string;
  code_pj?: string | null;
}

/** A PDF answer, or the platform's `KO` reason as a (retryable) error. */
function pdfOrThrow(body: Buffer, what: string): Buffer {
  if (body.subarray(0, 5).toString('latin1') === '%PDF-') return body;
  const t = body.toString('latin1');
  throw new TransportError(
    'http',
    t.startsWith('KO') ? `${what} : ${t.slice(3).trim()}` : `${what} : la plateforme n'a pas renvoyé de PDF`,
  );
}

export class S2lowClient {
  constructor(readonly http: S2lowHttp) {}

  /** §1 test-connexion: body `OK`. */
  async testConnexion(): Promise<boolean> {
    const a = await this.http.call('GET', '/api/test-connexion.php');
    return a.body.toString('latin1').trim().startsWith('OK');
  }
  /** §1 info-connexion: {user_info, authority_info}. */
  async infoConnexion(): Promise<{ user_info?: Record<string, unknown>; authority_info?: Record<string, unknown> }> {
    return JSON.parse((await this.http.call('GET', '/api/info-connexion.php')).body.toString('utf8'));
  }

  /** §2.1 create: `OK\n<id>` or `KO\n<message>`. */
  async createActe(parts: FormPart[]): Promise<{ ok: true; id: string } | { ok: false; message: string }> {
    const r = okKo((await this.http.call('POST', '/modules/actes/actes_transac_create.php', {}, parts)).body);
    return r.ok ? { ok: true, id: (r.lines[0] ?? '').trim() } : { ok: false, message: r.rest.trim() };
  }

  /** §2.4 status: `OK\n<status>\n<flux_retour>`; for -1 the message then (fake, S²LOW) possibly the AnomalieActe. */
  async status(id: string): Promise<{ ok: true; status: number; flux: string } | { ok: false; message: string }> {
    const r = okKo(
      (await this.http.call('GET', '/modules/actes/actes_transac_get_status.php', { transaction: id })).body,
    );
    if (!r.ok) return { ok: false, message: r.rest.trim() };
    return { ok: true, status: Number((r.lines[0] ?? '').trim()), flux: r.lines.slice(1).join('\n') };
  }

  /**
   * §2.4 bulk listing, per status (the API filters by one status): find a transaction by numéro interne and
   * type. Used to reconcile after a POST whose answer was lost. Newest first, limit 100 per page.
   */
  async findTransaction(
    number: string,
    type: string,
    statuses: number[],
    exclude: string[] = [],
    minDate?: string,
  ): Promise<ListedTx | null> {
    for (const status of statuses) {
      for (let offset = 0; offset < 1000; offset += 100) {
        const q: Record<string, string | number> = { status_id: status, offset, limit: 100 };
        if (minDate) q.min_date = minDate;
        const a = await this.http.call('GET', '/modules/actes/api/list_actes.php', q);
        const text = a.body.toString('utf8');
        if (text.startsWith('KO')) throw new TransportError('auth', text.slice(3).trim());
        const rows = ((JSON.parse(text) as { transactions?: ListedTx[] }).transactions ?? []).map((t) => ({
          ...t,
          id: String(t.id),
          type: String(t.type),
        }));
        const hit = rows.find((t) => t.number === number && t.type === type && !exclude.includes(t.id));
        if (hit) return hit;
        if (rows.length < 100) break;
      }
    }
    return null;
  }

  /** §2.5 bordereau d'acquittement (PDF). */
  async bordereau(id: string): Promise<Buffer> {
    return pdfOrThrow(
      (await this.http.call('GET', '/modules/actes/actes_create_pdf.php', { trans_id: id }, undefined, 'document'))
        .body,
      "bordereau d'acquittement",
    );
  }
  /** §2.5 files of a transaction: JSON array (0 message XML, 1 main document, 2… annexes), or `KO` before the AR. */
  async filesList(id: string): Promise<{ ok: true; files: ActeFile[] } | { ok: false; message: string }> {
    const body = (await this.http.call('GET', '/modules/actes/actes_transac_get_files_list.php', { transaction: id }))
      .body;
    const t = body.toString('utf8');
    if (t.startsWith('KO')) return { ok: false, message: body.toString('latin1').slice(3).trim() };
    const files = JSON.parse(t) as ActeFile[];
    if (!Array.isArray(files))
      throw new TransportError('http', 'liste des fichiers : réponse inattendue de la plateforme');
    return { ok: true, files: files.map((f) => ({ ...f, id: String(f.id) })) };
  }
  /** §2.5 the main document stamped « reçu en préfecture »: files list [1], then `actes_download_file.php?file=…&tampon=true`. */
  async acteTamponne(id: string): Promise<{ nom: string; bytes: Buffer }> {
    const l = await this.filesList(id);
    if (!l.ok) throw new TransportError('http', `acte tamponné : ${l.message}`);
    const main = l.files[1];
    if (!main) throw new TransportError('http', 'acte tamponné : la plateforme ne liste pas le document principal');
    const bytes = pdfOrThrow(
      (
        await this.http.call(
          'GET',
          '/modules/actes/actes_download_file.php',
          { file: main.id, tampon: 'true' },
          undefined,
          'document',
        )
      ).body,
      'acte tamponné',
    );
    return { nom: main.posted_filename || main.filename, bytes };
  }

  /** §2.7 cancel: `OK\n<cancel id>`. */
  async cancel(acteId: string): Promise<{ ok: true; id: string } | { ok: false; message: string }> {
    const r = okKo(
      (await this.http.call('POST', '/modules/actes/actes_transac_cancel.php', {}, [{ name: 'id', value: acteId }]))
        .body,
    );
    return r.ok ? { ok: true, id: (r.lines[0] ?? '').trim() } : { ok: false, message: r.rest.trim() };
  }

  /** §2.8 reply to a courrier (POST, api=1 in the body → `OK\n<id>`). */
  async reponse(parts: FormPart[]): Promise<{ ok: true; id: string } | { ok: false; message: string }> {
    const r = okKo((await this.http.call('POST', '/modules/actes/actes_transac_reponse_create.php', {}, parts)).body);
    return r.ok ? { ok: true, id: (r.lines[0] ?? '').trim() } : { ok: false, message: r.rest.trim() };
  }

  /** §2.6 classification fetch (RetourClassification XML or KO). */
  async classification(): Promise<Buffer> {
    const a = await this.http.call('GET', '/modules/actes/actes_classification_fetch.php', {}, undefined, 'xml');
    if (a.body.subarray(0, 2).toString('latin1') === 'KO')
      throw new TransportError('http', a.body.toString('latin1').slice(3).trim());
    return a.body;
  }
  /** §2.6 request a new classification from the préfecture. */
  async requestClassification(): Promise<{ ok: true; id: string } | { ok: false; message: string }> {
    const r = okKo((await this.http.call('GET', '/modules/actes/actes_classification_request.php')).body);
    return r.ok ? { ok: true, id: (r.lines[0] ?? '').trim() } : { ok: false, message: r.rest.trim() };
  }

  /** §2.8 unread préfecture messages. */
  async courriersNonLus(): Promise<
    {
      id: string;
      type: string;
      related_transaction_id: string;
      number: string;
      unique_id: string;
      last_status_id: string;
    }[]
  > {
    return JSON.parse(
      (await this.http.call('GET', '/modules/actes/api/list_document_prefecture.php')).body.toString('utf8'),
    );
  }
  /**
   * §2.8 the courrier's .tar.gz (get_document redirects to actes_download_file.php?env=…). Inflated once here
   * with an output cap, off the main thread: a small gzip that inflates to gigabytes is refused before the
   * tarball reader (messages.ts) ever sees it.
   */
  async courrierTarGz(id: string): Promise<Buffer> {
    const gz = (
      await this.http.call('GET', '/modules/actes/actes_transac_get_document.php', { id }, undefined, 'document')
    ).body;
    await gunzipBounded(gz, this.http.limits.unpacked);
    return gz;
  }
  async markRead(id: string): Promise<void> {
    await this.http.call('GET', '/modules/actes/api/document_prefecture_mark_as_read.php', { transaction_id: id });
  }

  // ——— HELIOS (§3) ———
  async heliosImport(nom: string, bytes: Buffer) {
    return parseHeliosImport(
      (
        await this.http.call(
          'POST',
          '/modules/helios/api/helios_importer_fichier.php',
          {},
          [{ name: 'enveloppe', filename: nom, bytes, type: 'text/xml' }],
          'xml',
        )
      ).body,
    );
  }
  async heliosStatus(id: string) {
    return parseHeliosStatus(
      (
        await this.http.call(
          'GET',
          '/modules/helios/api/helios_transac_get_status.php',
          { transaction: id },
          undefined,
          'xml',
        )
      ).body,
    );
  }
  async heliosAcquit(id: string): Promise<Buffer> {
    return (await this.http.call('GET', '/modules/helios/helios_download_acquit.php', { id }, undefined, 'xml')).body;
  }
  async pesRetours() {
    return parsePesRetourList(
      (await this.http.call('GET', '/modules/helios/api/helios_get_list.php', {}, undefined, 'xml')).body,
    );
  }
  async pesRetour(id: string): Promise<Buffer> {
    return (await this.http.call('GET', '/modules/helios/api/helios_get_retour.php', { id }, undefined, 'xml')).body;
  }
  async pesRetourLu(id: string) {
    return parseHeliosChange(
      (await this.http.call('GET', '/modules/helios/api/helios_change_status.php', { id }, undefined, 'xml')).body,
    );
  }
}
