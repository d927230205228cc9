import react from '@vitejs/plugin-react';
import { jseSignRequest } from 'jse-sign-request/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  // jseSignRequest(): serves pdf.js's worker and assets in dev, emits them in the build (assets/pdfjs/).
  plugins: [react(), jseSignRequest()],
  build: {
    rolldownOptions: {
      // The app, and the testing guide's example (docs/testing.md) run as a page.
      input: { main: 'index.html', testing: 'testing.html' },
    },
  },
});
