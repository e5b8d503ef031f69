/** What other folders may use of main/commune/ (architecture §2: only through this file). */
export {
  communeIdFor,
  describeHoraires,
  type EluRow,
  fullName,
  readElus,
  readHoraires,
  readIdentity,
  readSetting,
  saveElu,
  writeHoraires,
  writeIdentity,
  writeSetting,
} from './commune';
export { parseParts } from './parts';
export { communeIdentitySchema, conseilSchema, type OpeningSlot, openingSlotsSchema } from './validation';
