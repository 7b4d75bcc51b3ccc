// groupwork schema [name]
import { groupworkJsonSchemas, type WireSchemaName } from "../../model/index.js";
import { type CommandArgs, CommandError, type CommandIo, writeJson } from "../io.js";
import { quoted } from "../text.js";

export async function run({ positionals }: CommandArgs, io: CommandIo): Promise<number> {
  const schemas = groupworkJsonSchemas();
  const names = Object.keys(schemas);
  const name = positionals[0];
  if (name === undefined) {
    io.out(`${names.join("\n")}\n`);
    return 0;
  }
  if (!names.includes(name)) {
    throw new CommandError(`there is no schema ${quoted(name)}; the schemas are ${names.join(", ")}`);
  }
  writeJson(io, schemas[name as WireSchemaName]);
  return 0;
}
