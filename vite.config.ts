import { sveltekit } from '@sveltejs/kit/vite';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vite';
import { graycaseDevServer } from './server/dev-plugin.ts';

export default defineConfig(({ mode }) => ({
  plugins: [tailwindcss(), sveltekit(), ...(mode === 'development' ? [graycaseDevServer()] : [])],
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // The embedded database and the browser are shared; two workers keep a 2-core machine responsive.
    maxWorkers: 2,
    fileParallelism: true
  }
}));
