/**
 * CycloneDX 1.5's published JSON schema (as the CycloneDX project ships it in
 * @cyclonedx/cyclonedx-library's res/schema, with the SPDX licence list and
 * JSF schemas it refers to), compiled once: a document that does not validate
 * is listed with each error's path.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const SCHEMAS = path.join(path.dirname(require.resolve('@cyclonedx/cyclonedx-library/package.json')), 'res/schema');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(SCHEMAS, file), 'utf8')) as Record<string, unknown>;

let validate: ReturnType<Ajv['compile']> | undefined;

/** The schema's errors for `doc`, empty when it is a valid CycloneDX 1.5 document. */
export function cycloneDxErrors(doc: unknown): string[] {
  if (!validate) {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    // IRI formats, which ajv-formats does not implement: taken as given rather than warned of on every compile.
    for (const format of ['iri', 'iri-reference', 'idn-email']) ajv.addFormat(format, true);
    // The 1.5 schema refers to these by their file names, relative to its own $id.
    for (const file of ['spdx.SNAPSHOT.schema.json', 'jsf-0.82.SNAPSHOT.schema.json']) {
      const { $id: _id, ...schema } = read(file);
      ajv.addSchema(schema, `http://cyclonedx.org/schema/${file}`);
    }
    validate = ajv.compile(read('bom-1.5.SNAPSHOT.schema.json'));
  }
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}
