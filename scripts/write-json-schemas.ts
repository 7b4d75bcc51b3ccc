// Writes the JSON Schemas of the wire types into dist/schemas/, from the built package, so the shipped files are
// exactly what groupworkJsonSchemas() returns.
import { mkdirSync, writeFileSync } from "node:fs";

// Imported by path at run time: dist/ does not exist when the project is typechecked on a fresh clone.
const built = "../dist/model/index.js";
const { groupworkJsonSchemas } = (await import(built)) as typeof import("../src/model/index");

mkdirSync("dist/schemas", { recursive: true });
const schemas = groupworkJsonSchemas();
for (const [name, schema] of Object.entries(schemas)) {
  writeFileSync(`dist/schemas/${name}.json`, `${JSON.stringify(schema, null, 2)}\n`);
}
console.log(`Wrote ${Object.keys(schemas).length} JSON Schemas to dist/schemas/`);
