import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The Thai web console: built into web/dist, served by the API at `/` (src/web-console). */
export default defineConfig(({ command, mode }) => {
  // A build is a production build even when NODE_ENV says otherwise (Jest runs with NODE_ENV=test):
  // React's JSX transform and the libraries' `process.env.NODE_ENV` checks must agree.
  if (command === 'build' && mode === 'production') process.env.NODE_ENV = 'production';
  return {
    root,
    base: '/',
    plugins: [react()],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      assetsInlineLimit: 0,
      chunkSizeWarningLimit: 2500,
      sourcemap: false,
    },
    server: {
      proxy: { '/api': 'http://127.0.0.1:3000', '/health': 'http://127.0.0.1:3000' },
    },
  };
});
