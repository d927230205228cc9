import { configure } from '../../dist/standalone/jse-sign-request.js';

configure({
  workerSrc: '/__raw/node_modules/pdfjs-dist/build/pdf.worker.min.mjs',
  assetsBase: '/__raw/node_modules/pdfjs-dist/',
});
