import { defineConfig } from "vite";

// The desktop window loads the built files from disk; nothing is fetched
// from a network at run time.
export default defineConfig({
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: { target: "safari15", outDir: "dist", emptyOutDir: true, sourcemap: false },
  test: { include: ["test/**/*.test.ts"], environment: "node" },
});
