/** A small PES_Aller flow in ISO-8859-1 with two Bordereaux and accents, like the accounting software's. */
export function samplePes(bordereaux = 2): Buffer {
  const bord = (n: number) =>
    `<Bordereau Id="BORD_2026_00004${n}"><BlocBordereau><Exer V="2026"/><IdBord V="4${n}"/><DteBordEm V="2026-11-20"/><TypBord V="01"/><NbrPce V="1"/><MtBordHT V="1250.00"/></BlocBordereau>` +
    `<Piece><BlocPiece><InfoPce><IdPce V="${100 + n}"/><Obj V="Réfection du préau de l'école - lot n°${n}"/></InfoPce></BlocPiece><LigneDePiece><BlocLignePiece><InfoLignePce><Libelle V="Entreprise Hélène Côté &amp; fils"/><MtHT V="1250.00"/></InfoLignePce></BlocLignePiece></LigneDePiece></Piece></Bordereau>`;
  const xml =
    `<?xml version="1.0" encoding="ISO-8859-1"?>\n` +
    `<n:PES_Aller xmlns:n="http://www.minefi.gouv.fr/cp/helios/pes_v2/Rev0/aller" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<EnTetePES><DteStr V="2026-11-20"/><IdPost V="045000"/><IdColl V="21450270000017"/><CodCol V="270"/><CodBud V="00"/><LibelleColBud V="Saint-Benoît-sur-Loire"/></EnTetePES>` +
    `<PES_DepenseAller><EnTeteDepense><IdVer V="2"/><InfoDematerialisee V="0"/></EnTeteDepense>${Array.from({ length: bordereaux }, (_, i) => bord(i + 1)).join('')}</PES_DepenseAller>` +
    `</n:PES_Aller>\n`;
  return Buffer.from(xml, 'latin1');
}
