// Migrations are bundled into the build as text (esbuild `text` loader; a vite plugin in tests).
// A test checks that every .sql file of these folders is listed here.
import { migrationsFromFiles } from '../main/db/migrate';
import c0010 from './commune/0010_init.sql';
import c0020 from './commune/0020_dashboard.sql';
import c0030 from './commune/0030_registres.sql';
import c0040 from './commune/0040_conseil.sql';
import c0050 from './commune/0050_parapheur.sql';
import c0070 from './commune/0070_sync.sql';
import c0080 from './commune/0080_deliberation_pdf_immuable.sql';
import c0090 from './commune/0090_append_only_replace.sql';
import c0110 from './commune/0110_conseil_flows.sql';
import c0120 from './commune/0120_mail.sql';
import c0200 from './commune/0200_etat_civil.sql';
import c0300 from './commune/0300_courrier.sql';
import c0310 from './commune/0310_courrier_procedure_jours.sql';
import c0320 from './commune/0320_etat_civil_demandes.sql';
import c0330 from './commune/0330_etat_civil_complement_recu.sql';
import c0340 from './commune/0340_courrier_modele_archive.sql';
import c0350 from './commune/0350_courrier_envois_abusifs.sql';
import c0360 from './commune/0360_courrier_arrivees_ouvertes.sql';
import w0010 from './workspace/0010_init.sql';
import w0020 from './workspace/0020_compte_elu.sql';
import w0030 from './workspace/0030_append_only_replace.sql';

export const communeMigrations = migrationsFromFiles({
  '0010_init.sql': c0010,
  '0020_dashboard.sql': c0020,
  '0030_registres.sql': c0030,
  '0040_conseil.sql': c0040,
  '0050_parapheur.sql': c0050,
  '0070_sync.sql': c0070,
  '0080_deliberation_pdf_immuable.sql': c0080,
  '0090_append_only_replace.sql': c0090,
  '0110_conseil_flows.sql': c0110,
  '0120_mail.sql': c0120,
  '0200_etat_civil.sql': c0200,
  '0300_courrier.sql': c0300,
  '0310_courrier_procedure_jours.sql': c0310,
  '0320_etat_civil_demandes.sql': c0320,
  '0330_etat_civil_complement_recu.sql': c0330,
  '0340_courrier_modele_archive.sql': c0340,
  '0350_courrier_envois_abusifs.sql': c0350,
  '0360_courrier_arrivees_ouvertes.sql': c0360,
});

export const workspaceMigrations = migrationsFromFiles({
  '0010_init.sql': w0010,
  '0020_compte_elu.sql': w0020,
  '0030_append_only_replace.sql': w0030,
});
