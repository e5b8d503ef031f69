/**
 * The fixed wording of the extraits plurilingues (convention CIEC n° 16 du 8 septembre 1976, art. 6): the
 * labels in French on the form, their meaning and the symbols' meaning in the member states' languages and
 * English — at least French, English, German, Spanish, Italian, Portuguese and Dutch — on the legend page.
 * Latin characters only (art. 4): Liberation Sans prints all of them.
 * [G: translations checked by hand against the usual wording of the forms; compare with the CIEC's published
 * forms before the first real use.]
 */
export const LANGUES = ['Français', 'English', 'Deutsch', 'Español', 'Italiano', 'Português', 'Nederlands'] as const;
type Seven = readonly [string, string, string, string, string, string, string];

export const LABELS = {
  etat: ['État', 'State', 'Staat', 'Estado', 'Stato', 'Estado', 'Staat'],
  service: ['Service de l’état civil de', 'Civil registry office of', 'Standesamt', 'Registro civil de', 'Ufficio dello stato civile di', 'Conservatória do registo civil de', 'Dienst van de burgerlijke stand van'],
  extraitNaissance: ['Extrait de l’acte de naissance', 'Extract of the birth entry', 'Auszug aus dem Geburtseintrag', 'Extracto del acta de nacimiento', 'Estratto dell’atto di nascita', 'Extracto do assento de nascimento', 'Uittreksel uit de akte van geboorte'],
  extraitMariage: ['Extrait de l’acte de mariage', 'Extract of the marriage entry', 'Auszug aus dem Heiratseintrag', 'Extracto del acta de matrimonio', 'Estratto dell’atto di matrimonio', 'Extracto do assento de casamento', 'Uittreksel uit de akte van huwelijk'],
  extraitDeces: ['Extrait de l’acte de décès', 'Extract of the death entry', 'Auszug aus dem Sterbeeintrag', 'Extracto del acta de defunción', 'Estratto dell’atto di morte', 'Extracto do assento de óbito', 'Uittreksel uit de akte van overlijden'],
  dateNaissance: ['Date de naissance', 'Date of birth', 'Tag der Geburt', 'Fecha de nacimiento', 'Data di nascita', 'Data do nascimento', 'Datum van geboorte'],
  lieuNaissance: ['Lieu de naissance', 'Place of birth', 'Ort der Geburt', 'Lugar de nacimiento', 'Luogo di nascita', 'Lugar do nascimento', 'Plaats van geboorte'],
  dateMariage: ['Date du mariage', 'Date of marriage', 'Tag der Eheschließung', 'Fecha del matrimonio', 'Data del matrimonio', 'Data do casamento', 'Datum van het huwelijk'],
  lieuMariage: ['Lieu du mariage', 'Place of marriage', 'Ort der Eheschließung', 'Lugar del matrimonio', 'Luogo del matrimonio', 'Lugar do casamento', 'Plaats van het huwelijk'],
  dateDeces: ['Date du décès', 'Date of death', 'Tag des Todes', 'Fecha de defunción', 'Data del decesso', 'Data do óbito', 'Datum van overlijden'],
  lieuDeces: ['Lieu du décès', 'Place of death', 'Ort des Todes', 'Lugar de defunción', 'Luogo del decesso', 'Lugar do óbito', 'Plaats van overlijden'],
  sexe: ['Sexe', 'Sex', 'Geschlecht', 'Sexo', 'Sesso', 'Sexo', 'Geslacht'],
  nom: ['Nom', 'Surname', 'Familienname', 'Apellidos', 'Cognome', 'Apelido', 'Naam'],
  prenoms: ['Prénoms', 'Forenames', 'Vornamen', 'Nombre', 'Nome', 'Nome próprio', 'Voornamen'],
  pere: ['Père', 'Father', 'Vater', 'Padre', 'Padre', 'Pai', 'Vader'],
  mere: ['Mère', 'Mother', 'Mutter', 'Madre', 'Madre', 'Mãe', 'Moeder'],
  mari: ['Mari', 'Husband', 'Ehemann', 'Marido', 'Marito', 'Marido', 'Man'],
  femme: ['Femme', 'Wife', 'Ehefrau', 'Mujer', 'Moglie', 'Mulher', 'Vrouw'],
  epoux: ['Époux', 'Spouse', 'Ehegatte', 'Cónyuge', 'Coniuge', 'Cônjuge', 'Echtgenoot'],
  nomApres: ['Nom après le mariage', 'Surname after the marriage', 'Familienname nach der Eheschließung', 'Apellidos después del matrimonio', 'Cognome dopo il matrimonio', 'Apelido depois do casamento', 'Naam na het huwelijk'],
  domicile: ['Dernier domicile', 'Last residence', 'Letzter Wohnsitz', 'Último domicilio', 'Ultimo domicilio', 'Último domicílio', 'Laatste woonplaats'],
  conjoint: ['Nom et prénoms du conjoint', 'Surname and forenames of the spouse', 'Name und Vornamen des Ehegatten', 'Apellidos y nombre del cónyuge', 'Cognome e nome del coniuge', 'Apelido e nome do cônjuge', 'Naam en voornamen van de echtgenoot'],
  mentions: ['Mentions marginales', 'Marginal entries', 'Randvermerke', 'Notas marginales', 'Annotazioni marginali', 'Averbamentos', 'Latere vermeldingen'],
  delivrance: ['Date de délivrance, signature, sceau', 'Date of issue, signature, seal', 'Ausstellungsdatum, Unterschrift, Siegel', 'Fecha de expedición, firma, sello', 'Data di rilascio, firma, timbro', 'Data de emissão, assinatura, selo', 'Datum van afgifte, handtekening, zegel'],
} as const satisfies Record<string, Seven>;
export type LabelKey = keyof typeof LABELS;

/** The symbols (art. 5): dates Jo / Mo / An, sexes, and the events of the mentions. */
export const SYMBOLES: readonly (readonly [string, Seven])[] = [
  ['Jo', ['jour', 'day', 'Tag', 'día', 'giorno', 'dia', 'dag']],
  ['Mo', ['mois', 'month', 'Monat', 'mes', 'mese', 'mês', 'maand']],
  ['An', ['année', 'year', 'Jahr', 'año', 'anno', 'ano', 'jaar']],
  ['M', ['masculin', 'male', 'männlich', 'masculino', 'maschile', 'masculino', 'mannelijk']],
  ['F', ['féminin', 'female', 'weiblich', 'femenino', 'femminile', 'feminino', 'vrouwelijk']],
  ['Mar', ['mariage', 'marriage', 'Eheschließung', 'matrimonio', 'matrimonio', 'casamento', 'huwelijk']],
  ['Se', ['séparation de corps', 'legal separation', 'Trennung von Tisch und Bett', 'separación judicial', 'separazione personale', 'separação de pessoas e bens', 'scheiding van tafel en bed']],
  ['Div', ['divorce', 'divorce', 'Ehescheidung', 'divorcio', 'divorzio', 'divórcio', 'echtscheiding']],
  ['A', ['annulation', 'annulment', 'Aufhebung', 'anulación', 'annullamento', 'anulação', 'nietigverklaring']],
  ['D', ['décès', 'death', 'Tod', 'defunción', 'decesso', 'óbito', 'overlijden']],
  ['Dm', ['décès du mari', 'death of the husband', 'Tod des Ehemannes', 'defunción del marido', 'decesso del marito', 'óbito do marido', 'overlijden van de man']],
  ['Df', ['décès de la femme', 'death of the wife', 'Tod der Ehefrau', 'defunción de la mujer', 'decesso della moglie', 'óbito da mulher', 'overlijden van de vrouw']],
];
