import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The dev server forwards API traffic to the AgendaCraft server so the browser sees one
// origin, exactly as in production where the server hosts the built app itself.
const apiUrl = process.env.API_URL ?? "http://localhost:3000";

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      "/trpc": apiUrl,
      "/api": apiUrl,
      "/health": apiUrl,
      "/ready": apiUrl,
    },
  },
  build: {
    outDir: "dist",
  },
});
