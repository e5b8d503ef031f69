// Regenerate resources/provisioning.schema.json from the zod schema (a test fails when they differ).
import fs from 'node:fs';
import path from 'node:path';
import { provisioningJsonSchema } from '../main/provisioning/provisioning';

const file = path.join(process.cwd(), 'resources', 'provisioning.schema.json');
fs.writeFileSync(file, `${JSON.stringify(provisioningJsonSchema(), null, 2)}\n`);
process.stdout.write(`écrit : ${file}\n`);
