/** HELIOS endpoints of the fake (protocol §3): import, status, PES_Acquit, PES_Retour list/get/mark read. */
import crypto from 'node:crypto';
import { xml, type Answer, type Req } from './server';
import type { FakeState, HeliosTx } from './state';
// attribute-safe and Latin-1-safe (& < > " and characters beyond U+00FF as references): the answers are ISO-8859-1
import { esc } from './xml';

export interface HeliosConfig {
  rights: 'TT' | 'CS' | 'none';
  advance: 'poll' | 'manual';
  maxBytes: number; // HELIOS_MAX_UPLOAD_SIZE, 128 MiB
  /** returns a refusal label for a file (PES_Acquit with EtatAck 0), or null */
  refuse: (nomFic: string) => string | null;
  today: () => string;
}

const importAnswer = (id: string, ok: boolean, message: string) =>
  xml(
    `<?xml version="1.0" encoding="ISO-8859-1"?>\n<import><id>${id}</id><resultat>${ok ? 'OK' : 'KO'}</resultat><message>${esc(message)}</message></import>`,
  );

/** PES_ACQUIT (ns …/Rev0/retour/v2) for a posted PES_Aller, OK or with one error (EtatAck 0). */
export function acquitXml(t: HeliosTx, today: string): string {
  const el = t.refuse
    ? `<ElementACQUIT><DomaineAck V="5"/><EtatAck V="0"/><NumBord V="1"/><ExerciceBord V="${today.slice(0, 4)}"/><Erreur><NumAnoAck V="ERREUR_AUTRE"/><LibelleAnoAck V="${esc(t.refuse)}"/></Erreur></ElementACQUIT>`
    : `<ElementACQUIT><DomaineAck V="5"/><EtatAck V="1"/><NumBord V="1"/><ExerciceBord V="${today.slice(0, 4)}"/></ElementACQUIT>`;
  return (
    `<?xml version="1.0" encoding="ISO-8859-1"?>\n<n:PES_ACQUIT xmlns:n="http://www.minefi.gouv.fr/cp/helios/pes_v2/Rev0/retour/v2">` +
    `<Enveloppe><Parametres><Version V="2"/><TypFic V="PESALR2"/><NomFic V="${esc(t.nomFic)}"/></Parametres><Emetteur><Sigle V="HELIOS"/></Emetteur><Recepteur><Sigle V="CLOCHER"/></Recepteur></Enveloppe>` +
    `<EnTetePES><DteStr V="${today}"/><IdPost V="045000"/><IdColl V="21450249400010"/><CodCol V="001"/><CodBud V="00"/><LibelleColBud V="COMMUNE"/></EnTetePES>` +
    `<ACQUIT><EnTeteAcquit><IdVer V="2"/></EnTeteAcquit>${el}</ACQUIT></n:PES_ACQUIT>\n`
  );
}

export function heliosRouter(s: FakeState, c: HeliosConfig): (r: Req) => Answer | null {
  function step(t: HeliosTx): void {
    if (t.status < 0 || t.status >= 4) return;
    if (t.status < 3) {
      t.status++;
      return;
    }
    t.acquit = acquitXml(t, c.today());
    t.status = t.refuse ? 6 : 4;
  }
  return (r) => {
    switch (r.path) {
      case '/modules/helios/api/helios_importer_fichier.php': {
        if (r.method !== 'POST') return importAnswer('', false, 'Méthode incorrecte');
        if (c.rights === 'none') return importAnswer('', false, "Vous n'avez pas les droits sur le module HELIOS");
        const f = r.files.find((x) => x.field === 'enveloppe');
        if (!f) return importAnswer('', false, 'Aucun fichier reçu');
        if (r.bodyBytes > c.maxBytes) return importAnswer('', false, 'Le fichier est trop volumineux');
        if (f.bytes.length === 0) return importAnswer('', false, 'Le fichier est vide');
        const sha1 = crypto.createHash('sha1').update(f.bytes).digest('hex');
        if ([...s.helios.values()].some((h) => h.sha1 === sha1))
          return importAnswer('', false, 'doublon détecté. Ce fichier a déjà été posté.');
        const nomFic = /<NomFic\s+V="([^"]*)"/.exec(f.bytes.toString('latin1'))?.[1] ?? f.filename;
        if ([...s.helios.values()].some((h) => h.nomFic === nomFic))
          return importAnswer('', false, `Le nom de fichier ${nomFic} a déjà été utilisé`);
        const t: HeliosTx = {
          id: s.nextId(),
          status: c.rights === 'CS' ? 14 : 1,
          nomFic,
          sha1,
          bytes: f.bytes,
          acquit: null,
          refuse: c.refuse(nomFic),
        };
        s.helios.set(t.id, t);
        return importAnswer(String(t.id), true, '');
      }
      case '/modules/helios/api/helios_transac_get_status.php': {
        const t = s.helios.get(Number(r.query.get('transaction')));
        if (!t)
          return xml(
            `<?xml version="1.0" encoding="ISO-8859-1"?>\n<transaction><id>${esc(r.query.get('transaction') ?? '')}</id><resultat>KO</resultat><message>Transaction inconnue</message></transaction>`,
          );
        if (c.advance === 'poll') step(t);
        // §3: 4/6/8 are shown as 3 while the PES_Acquit is not available
        const shown = [4, 6, 8].includes(t.status) && !t.acquit ? 3 : t.status;
        return xml(
          `<?xml version="1.0" encoding="ISO-8859-1"?>\n<transaction><id>${t.id}</id><resultat>OK</resultat><status>${shown}</status><message></message></transaction>`,
        );
      }
      case '/modules/helios/helios_download_acquit.php': {
        const t = s.helios.get(Number(r.query.get('id')));
        return t?.acquit ? xml(t.acquit) : { status: 404, body: 'Acquittement indisponible' };
      }
      case '/modules/helios/api/helios_get_list.php': {
        const items = [...s.pesRetours.values()]
          .filter((p) => !p.lu)
          .map((p) => `<pes_retour><id>${p.id}</id><nom>${esc(p.nom)}</nom><date>${p.date}</date></pes_retour>`);
        return xml(
          `<?xml version="1.0" encoding="ISO-8859-1"?>\n<liste><idColl>1</idColl><dateDemande>${c.today()}</dateDemande><resultat>OK</resultat><message></message>${items.join('')}</liste>`,
        );
      }
      case '/modules/helios/api/helios_get_retour.php': {
        const p = s.pesRetours.get(Number(r.query.get('id')));
        return p ? xml(p.xml) : { status: 404, body: 'PES_Retour inconnu' };
      }
      case '/modules/helios/api/helios_change_status.php': {
        const p = s.pesRetours.get(Number(r.query.get('id')));
        if (p) p.lu = true;
        return xml(
          `<?xml version="1.0" encoding="ISO-8859-1"?>\n<change><id>${esc(r.query.get('id') ?? '')}</id><resultat>${p ? 'OK' : 'KO'}</resultat><message></message></change>`,
        );
      }
      default:
        return null;
    }
  };
}
