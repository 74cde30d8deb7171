import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is plain static files: Electron serves them from app://, the browser harness over
// loopback HTTP. Relative base keeps both working.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
