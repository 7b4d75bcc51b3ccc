#!/usr/bin/env node
// The `groupwork` command: the package's bin. All it does is connect the command to this process.
import { decodeText, MAX_INPUT_BYTES, tooLarge } from "./io.js";
import { runCommand } from "./run.js";

const noColor = process.env["NO_COLOR"];
// A reader that stops early (`groupwork report | head`) closes the pipe: that ends the command quietly.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

process.exitCode = await runCommand(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of process.stdin) {
      total += (chunk as Buffer).length;
      if (total > MAX_INPUT_BYTES) throw tooLarge();
      chunks.push(chunk as Buffer);
    }
    // Text in another encoding is refused, as a file's is, rather than read with replacement characters.
    return decodeText(Buffer.concat(chunks, total));
  },
  color: process.stdout.isTTY === true && (noColor === undefined || noColor === ""),
});
