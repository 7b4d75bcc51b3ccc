// groupwork sample: the bundled sample group record as JSON, a file to start from.
import { sampleGroupRecord } from "../../sample/index.js";
import { type CommandIo, writeJson } from "../io.js";

export async function run(_args: unknown, io: CommandIo): Promise<number> {
  writeJson(io, sampleGroupRecord);
  return 0;
}
