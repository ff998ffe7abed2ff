import * as z from 'zod';
import { handbookConfigSchema } from '../core/config.js';

/**
 * The JSON Schema of `handbook.config.json` for editors, generated from the
 * zod schema the CLI validates with (its input side: defaults are optional).
 * Regenerate: `npx tsx scripts/config-schema.ts > handbook.config.schema.json`
 * (tests/lib/config.test.ts fails when the committed file drifts).
 */
export function configJsonSchema(): string {
  return JSON.stringify(z.toJSONSchema(handbookConfigSchema, { io: 'input', target: 'draft-2020-12' }), null, 2) + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(configJsonSchema());
