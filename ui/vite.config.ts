import { svelte } from "@sveltejs/vite-plugin-svelte";
import { defineConfig } from "vite";

// The desktop window loads the built files from disk; nothing is fetched
// from a network at run time.
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: { target: "safari15", outDir: "dist", emptyOutDir: true, sourcemap: false },
  // Unit tests run the stores' runes as the window does (Svelte's browser build).
  resolve: process.env["VITEST"] ? { conditions: ["browser"] } : undefined,
  test: { include: ["test/**/*.test.ts"], environment: "node" },
});
