// The example of docs/testing.md ("A test in a few lines"), verbatim: scripts/check-examples.mjs checks it.
import { configure } from 'jse-sign-request';
import { createSandbox } from 'jse-sign-request/testing';

// Where your test server serves the package's pdf.js folder (here the jse-sign-request/vite
// plugin's default; with the plugin this line changes nothing, and can go).
configure({ assetsBase: '/assets/pdfjs/' });

// The host proxy and Jesignexpert, simulated in the page (the account is already linked).
const sandbox = createSandbox({ proxyUrl: '/proxy', tokenEndpoint: '/token' });
await sandbox.start(); // or sandbox.start(yourWorker) to add the handlers to a worker you run

const el = document.createElement('jse-sign-request');
const next = <K extends keyof HTMLElementEventMap>(type: K) =>
  new Promise<HTMLElementEventMap[K]>((resolve) => el.addEventListener(type, resolve, { once: true }));
el.setAttribute('token-endpoint', '/token');
el.src = '/lettre-de-mission.pdf'; // a PDF your test server serves
const ready = next('jse-ready');
document.body.append(el);
const { detail: loaded } = await ready; // { documentName, size, type, pageCount, pages }

// What the sender does in the UI, here through the API: a signer, a field, send.
el.signers = [{ id: 'paul', email: 'paul.durand@example.fr', firstName: 'Paul', lastName: 'Durand', phone: '+33612345678' }];
el.fields = [{ signerId: 'paul', page: 1, x: 72, y: 120, width: 200, height: 60 }];
const pending = next('jse-pending');
const request = await el.submit(); // what the send button does after its confirmation
await pending;

// The signer's journey. A signature to draw: any PNG with ink.
const pad = new OffscreenCanvas(300, 100);
const pen = pad.getContext('2d')!;
pen.lineWidth = 4;
pen.beginPath();
pen.moveTo(20, 70);
pen.bezierCurveTo(90, 0, 170, 110, 280, 30);
pen.stroke();
const signaturePngBlob = await pad.convertToBlob({ type: 'image/png' });

const signed = next('jse-signed');
const paul = sandbox.journey.open('paul.durand@example.fr'); // his latest invitation e-mail
const sms = paul.acceptDocument();                            // "J'ai lu et j'accepte…"
paul.enterCode(sms.code);                                     // from the SMS outbox
await paul.drawSignature(signaturePngBlob);
paul.acceptTerms({ termsOfUse: true, dataProtection: true });
await paul.sign();            // the last signer: the request is `signed`
const { detail } = await signed; // the element sees it at its next poll (every 5 s)
const pdf = await detail.download(); // the stamped PDF

if (loaded.pageCount !== 1 || detail.request.id !== request.id || detail.request.status !== 'signed' || pdf.size === 0) {
  throw new Error('the journey did not end signed');
}
el.remove();
await sandbox.stop();
