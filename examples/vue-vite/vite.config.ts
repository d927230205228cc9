import vue from '@vitejs/plugin-vue';
import { jseSignRequest } from 'jse-sign-request/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    // <jse-sign-request> is a custom element: Vue leaves it to the browser (and sets its properties).
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'jse-sign-request' } } }),
    // Serves pdf.js's worker and assets in dev, emits them in the build (assets/pdfjs/).
    jseSignRequest(),
  ],
});
