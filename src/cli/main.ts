#!/usr/bin/env node
// The `groupwork` command: the package's bin. All it does is connect the command to this process.
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
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
  color: process.stdout.isTTY === true && (noColor === undefined || noColor === ""),
});
