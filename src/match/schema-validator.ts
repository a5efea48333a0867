// A JSON-schema validator for catalog files (docs/*.schema.json), compiled on first use. ajv is
// required only then: when the build's rules snapshot holds, no run loads or compiles it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv';

export type Validate = (data: unknown) => readonly ErrorObject[];

export function schemaValidator(schemaFile: () => string): Validate {
  let compiled: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null } | undefined;
  return (data) => {
    if (compiled === undefined) {
      const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
      compiled = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(schemaFile(), 'utf8')) as object);
    }
    return compiled(data) ? [] : (compiled.errors ?? []);
  };
}
