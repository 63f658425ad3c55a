import { vitePreprocess } from "@sveltejs/vite-plugin-svelte";

// TypeScript in components, checked by svelte-check (npm run check).
export default { preprocess: vitePreprocess() };
