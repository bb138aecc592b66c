import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev -w web` serves the UI with hot reload; the API runs separately (`npm start`, port 3000).
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Pages are split by React.lazy in the router, and the bundler splits antd along them (the table
    // and date picker load with the pages that use them). The shared core is ~210 KB gzip.
    chunkSizeWarningLimit: 800,
  },
});
