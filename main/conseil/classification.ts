import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { readSetting } from '../commune';
import type { Db } from '../db';
import { resourcesDir, type DocumentStore } from '../documents';
import { libelleMatiere } from './rules/nomenclature';

/**
 * The ACTES classification (RetourClassification message, schema actesv1_1.xsd): natures of acts with their
 * typed pieces, and the matières tree (up to 5 levels) used to classify each act. Each préfecture serves its
 * own version; until the synchronisation fetches the commune's, the bundled default is used.
 */
export interface Matiere {
  code: string; // '7.1', '1.1.2'
  libelle: string;
  children: Matiere[];
}
export interface Nature {
  code: string; // '1'
  libelle: string;
  abrege: string; // 'DE'
  typesPJ: { code: string; libelle: string }[];
}
export interface Classification {
  date: string;
  natures: Nature[];
  matieres: Matiere[];
}

const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** Parse a RetourClassification, in its declared encoding (ISO-8859-1 in practice). */
export function parseClassification(bytes: Uint8Array): Classification {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const encoding = /encoding="([^"]+)"/i.exec(head)?.[1]?.toLowerCase() ?? 'utf-8';
  const text = new TextDecoder(encoding === 'iso-8859-1' || encoding === 'latin1' ? 'latin1' : 'utf-8').decode(bytes);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: true,
    htmlEntities: true,
  });
  const root = parser.parse(text)?.RetourClassification;
  if (!root) throw new Error("ce fichier n'est pas une classification ACTES (RetourClassification)");
  const natures: Nature[] = asArray(root.NaturesActes?.NatureActe).map((n: Record<string, unknown>) => ({
    code: String(n['@CodeNatureActe']),
    libelle: String(n['@Libelle']),
    abrege: String(n['@TypeAbrege'] ?? ''),
    typesPJ: asArray(n.TypePJNatureActe as Record<string, string>[] | undefined).map((t) => ({
      code: String(t['@CodeTypePJ']),
      libelle: String(t['@Libelle']),
    })),
  }));
  const walk = (nodes: unknown, level: number, prefix: string): Matiere[] =>
    asArray(nodes as Record<string, unknown>[] | undefined).map((m) => {
      const code = prefix ? `${prefix}.${m['@CodeMatiere']}` : String(m['@CodeMatiere']);
      return {
        code,
        libelle: String(m['@Libelle']).trim(),
        children: level < 5 ? walk(m[`Matiere${level + 1}`], level + 1, code) : [],
      };
    });
  return {
    date: String(root.DateClassification ?? ''),
    natures: natures.sort((a, b) => a.code.localeCompare(b.code)),
    matieres: walk(root.Matieres?.Matiere1, 1, ''),
  };
}

let defaultClassification: Classification | null = null;
export function bundledClassification(): Classification {
  defaultClassification ??= parseClassification(
    fs.readFileSync(path.join(resourcesDir(), 'actes', 'classification-defaut.xml')),
  );
  return defaultClassification;
}

/**
 * Every code of the tree with its full label path, for a searchable select and the printed acts. Levels 1–2
 * take the national nomenclature's accented label (files served without accents print « Décisions
 * budgétaires », not « Decisions budgetaires »); deeper levels keep the préfecture's own label.
 */
export function flattenMatieres(c: Classification): { code: string; libelle: string; chemin: string }[] {
  const out: { code: string; libelle: string; chemin: string }[] = [];
  const visit = (ms: Matiere[], trail: string[]) => {
    for (const m of ms) {
      const libelle = libelleMatiere(m.code, m.libelle);
      out.push({ code: m.code, libelle, chemin: [...trail, libelle].join(' › ') });
      visit(m.children, [...trail, libelle]);
    }
  };
  visit(c.matieres, []);
  return out;
}

/** ACTES wants at least two levels (e.g. 7.1): a top-level matière alone does not classify an act. */
export function checkMatiere(c: Classification, code: string): string | null {
  const hit = flattenMatieres(c).find((m) => m.code === code);
  if (!hit) return `Matière ${code} inconnue dans la classification ACTES de la commune (version du ${c.date}).`;
  if (!code.includes('.'))
    return `Matière ${code} : choisissez une sous-matière (par exemple ${code}.1), la préfecture exige au moins deux niveaux.`;
  return null;
}

/**
 * The commune's classification: the one its préfecture served (fetched by the synchronisation and kept as a
 * document, setting `actes_classification`), else the bundled default (s2low-protocol.md §2.6).
 */
const parsedBySha = new Map<string, Classification>();
export function communeClassification(db: Db, docs: DocumentStore): Classification {
  const cached = readSetting<{ sha256: string }>(db, 'actes_classification');
  if (!cached || !docs.has(cached.sha256)) return bundledClassification();
  let c = parsedBySha.get(cached.sha256);
  if (!c) {
    c = parseClassification(docs.read(cached.sha256));
    parsedBySha.set(cached.sha256, c);
  }
  return c;
}
