// The stage board, built by Vite against the built `groupwork` package (run `npm run build` first, or use
// `npm run board`, which builds what is missing). The page imports only the package's public entry points, as an
// application that installed `groupwork` from npm would; the aliases point them at this checkout's dist/.
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const dist = fileURLToPath(new URL("../../dist/", import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  // Relative asset paths: the built page works from any folder a static server puts it in.
  base: "./",
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^groupwork\/([a-z]+)$/, replacement: `${dist}$1/index.js` },
      { find: /^groupwork$/, replacement: `${dist}index.js` },
    ],
  },
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 1024 },
  server: { port: 5173, strictPort: false },
});
