// Global setup of the `browser` project: builds the stage board with Vite (against the built package in dist/) and
// serves it on a free loopback port for the tests, which read its address with inject("boardUrl").
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    boardUrl: string;
  }
}

const board = fileURLToPath(new URL("../../examples/stage-board/", import.meta.url));
const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
};

let server: Server | undefined;

export async function setup(project: TestProject): Promise<void> {
  // Built inside vitest, where NODE_ENV is "test", Vite bundles React's development build: its warnings (a duplicate
  // key, a state update on an unmounted component) reach the console, where every test fails on them.
  await build({ configFile: join(board, "vite.config.ts"), logLevel: "warn" });
  const root = join(board, "dist");
  server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const file = normalize(join(root, path === "/" ? "index.html" : path));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) =>
        response.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  project.provide("boardUrl", `http://127.0.0.1:${port}/`);
}

export async function teardown(): Promise<void> {
  await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())));
}
