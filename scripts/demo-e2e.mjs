// `npm run test:demo`: the demo (`npm start`) played end to end, as a new user would, in headless
// Chromium — the seed's whole story at 1280 px with a mouse and at 390 px with touch (taps, a
// finger-drawn signature): open the demo, open « Lettre de mission 2026 », connect the Jesignexpert
// account in its popup, place a field by tapping the page, fill the signer and a message, send and
// confirm, see the version « en attente de signature », play the signer from the sandbox's outbox
// (the message in the e-mail and on the signing page, the SMS code, the drawn signature, both
// terms), see the signed version, open the signed PDF and check with pdf.js that the ink lies in
// the placed box. axe-core is run at each step; the page must never be wider than the screen.
// Screenshots go to test-results/demo/ (git-ignored). Every wait is for a signal (an event in the
// demo's log, an element, a state), never a fixed delay. Exits non-zero with what went wrong.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const shots = path.join(root, 'test-results/demo');
mkdirSync(shots, { recursive: true });
const axeSource = readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
const executablePath =
  process.env.CHROME_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
/** A safety net for each wait, not a pace: every wait ends on its signal. */
const TIMEOUT = Number(process.env.DEMO_E2E_TIMEOUT ?? 90000);
const MESSAGE = 'Bonjour Jean, voici la lettre de mission 2026 à signer avant la fin du mois. Merci.';
const only = process.argv[2];

const STORIES = [
  { name: 'desktop', viewport: { width: 1280, height: 900 }, touch: false, outcomes: true },
  { name: 'phone', viewport: { width: 390, height: 844, deviceScaleFactor: 2, isMobile: true, hasTouch: true }, touch: true },
].filter((s) => !only || s.name === only);

/** Helpers defined in every page: shadow-piercing queries and hit-testing. */
function pageHelpers() {
  const all = (selector, rootNode = document) => {
    const found = [...rootNode.querySelectorAll(selector)];
    for (const el of rootNode.querySelectorAll('*')) if (el.shadowRoot) found.push(...all(selector, el.shadowRoot));
    return found;
  };
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  /** The first visible element matching `selector` (through shadow roots) whose text matches `text`. */
  window.__e2eFind = (selector, text) =>
    all(selector).find((el) => visible(el) && (!text || [(el.textContent ?? '').trim(), el.getAttribute('aria-label') ?? ''].some((t) => new RegExp(text).test(t)))) ?? null;
  /**
   * Visible French text with an ordinary space where French typography wants U+202F (before
   * ? ! : ; and inside « »): in the page's own DOM, or (`inShadow`) inside the shadow roots.
   * Code, JSON and what the user typed are not prose.
   */
  window.__e2eTypography = (inShadow) => {
    const bad = [];
    const scan = (rootNode, shadow) => {
      const walker = document.createTreeWalker(rootNode, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || shadow !== inShadow || parent.closest('pre, code, script, style, textarea, [lang]:not([lang|="fr"])') || !visible(parent)) continue;
        const text = node.textContent.replace(/[ \t\r\n]+/g, ' ');
        if (/ [?!:;»]|« /.test(text)) bad.push(text.trim().slice(0, 80));
      }
      for (const el of rootNode.querySelectorAll('*')) if (el.shadowRoot) scan(el.shadowRoot, true);
    };
    scan(document, false);
    return [...new Set(bad)];
  };
  /** The innermost element at a point, through shadow roots. */
  window.__e2eHit = (x, y) => {
    let el = document.elementFromPoint(x, y);
    while (el?.shadowRoot) {
      const inner = el.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === el) break;
      el = inner;
    }
    return el;
  };
}

async function story({ name, viewport, touch, outcomes: outcomesToo = false }, browser, url) {
  const started = Date.now();
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.emulate({ viewport, userAgent: await browser.userAgent() });
  await page.evaluateOnNewDocument(pageHelpers);
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`unexpected ${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  /** The same check inside the widget: reported, not failed (the element's strings are its catalogue's, tested there). */
  const widgetTypography = new Set();
  let shot = 0;
  const steps = [];
  const step = async (label, { axe = true } = {}) => {
    shot += 1;
    const file = `${name}-${String(shot).padStart(2, '0')}-${label}.png`;
    await page.screenshot({ path: path.join(shots, file) });
    const width = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
    if (width.page > width.screen) problems.push(`${label}: the page is ${width.page} px wide on a ${width.screen} px screen`);
    for (const text of await page.evaluate(() => window.__e2eTypography(false))) problems.push(`${label}: a plain space where French wants U+202F: « ${text} »`);
    for (const text of await page.evaluate(() => window.__e2eTypography(true))) widgetTypography.add(text);
    if (axe) {
      if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      });
      for (const v of violations) problems.push(`${label}: axe ${v}`);
    }
    steps.push(`${label} ${((Date.now() - started) / 1000).toFixed(1)}s`);
    if (problems.length) throw new Error(problems.join('\n'));
  };

  const find = (selector, text) =>
    page.waitForFunction((s, t) => window.__e2eFind(s, t), { timeout: TIMEOUT, polling: 'mutation' }, selector, text ?? null).then((h) => h.asElement());
  const logged = (type) => page.waitForSelector(`#log li[data-type="${type}"]`, { timeout: TIMEOUT });
  const detailOf = async (type) => JSON.parse(await page.$eval(`#log li[data-type="${type}"] pre`, (pre) => pre.textContent));

  /**
   * Taps (touch) or clicks (mouse) an element the way a person does: once it is enabled, in view,
   * not moving between two frames, and the topmost thing under the finger.
   */
  async function press(handle) {
    await handle.evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'nearest' }));
    await page.waitForFunction(
      (el) => {
        const r = el.getBoundingClientRect();
        const box = `${r.x},${r.y},${r.width},${r.height}`;
        const stable = el.__e2eBox === box;
        el.__e2eBox = box;
        if (!stable || el.disabled || r.width === 0 || r.bottom < 0 || r.top > innerHeight) return false;
        const hit = window.__e2eHit(r.x + r.width / 2, r.y + r.height / 2);
        let node = hit;
        while (node && node !== el) node = node.parentNode ?? node.host;
        return node === el;
      },
      { timeout: TIMEOUT, polling: 'raf' },
      handle,
    );
    // Input coordinates are the visual viewport's: on a phone, focusing a field may pan it.
    const { x, y, box } = await handle.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const vv = window.visualViewport;
      return { x: (r.x + r.width / 2 - vv.offsetLeft) * vv.scale, y: (r.y + r.height / 2 - vv.offsetTop) * vv.scale, box: { x: r.x, y: r.y, width: r.width, height: r.height } };
    });
    if (process.env.DEMO_E2E_DEBUG) console.log('press', await handle.evaluate((el) => el.id || el.textContent?.trim().slice(0, 30)), box, await page.evaluate(() => `vv=${visualViewport.offsetLeft},${visualViewport.offsetTop},${visualViewport.scale} scrollY=${scrollY}`), x, y);
    if (touch) await page.touchscreen.tap(x, y);
    else await page.mouse.click(x, y);
  }
  /**
   * Where to send a touch or a click to hit the point at fractions (fx, fy) of an element's box:
   * input coordinates are the visual viewport's, which a phone pans when a field takes the focus.
   */
  const pointIn = (handle, fx, fy) =>
    handle.evaluate(
      (el, a, b) => {
        const r = el.getBoundingClientRect();
        const vv = window.visualViewport;
        return { x: (r.x + r.width * a - vv.offsetLeft) * vv.scale, y: (r.y + r.height * b - vv.offsetTop) * vv.scale };
      },
      fx,
      fy,
    );
  /** Types into a field after focusing it as the user does (tap or click). */
  async function fill(handle, text) {
    await press(handle);
    await handle.evaluate((el) => el.select?.());
    await page.keyboard.type(text);
    const value = await handle.evaluate((el) => el.value);
    if (value.replace(/\s/g, '') !== text.replace(/\s/g, '')) throw new Error(`typed ${JSON.stringify(text)} into ${await handle.evaluate((el) => el.id)}, which holds ${JSON.stringify(value)}`);
  }

  /** Fills the signer row the first field created, and the message. */
  async function fillSigner([email, firstName, lastName, phone], message) {
    await fill(await find('input[id^="email-"]'), email);
    await fill(await find('input[id^="firstName-"]'), firstName);
    await fill(await find('input[id^="lastName-"]'), lastName);
    await fill(await find('input[type="tel"]'), phone);
    if (message) await fill(await find('textarea#message'), message);
  }
  /** Sends the draft and confirms; resolves with the request once the GED shows it pending. */
  async function sendAndConfirm(file) {
    const before = await page.$$eval('#log li[data-type="jse-pending"]', (l) => l.length);
    await press(await find('[part~="submit"]'));
    await press(await find('dialog.confirm[open] button', '^Envoyer$'));
    await page.waitForFunction((n) => document.querySelectorAll('#log li[data-type="jse-pending"]').length > n, { timeout: TIMEOUT }, before);
    const { request } = JSON.parse(await page.$eval('#log li[data-type="jse-pending"] pre', (pre) => pre.textContent));
    await page.waitForSelector(`#file-rows tr[data-file="${file}"] li[data-request="${request.id}"][data-kind="pending"]`, { timeout: TIMEOUT });
    return request;
  }
  /** Opens a file of the GED with its pen icon and adds a field with « + Signature ». */
  async function openAndPlace(file) {
    await press(await find(`#file-rows tr[data-file="${file}"] button.pen`));
    await page.waitForFunction((f) => document.querySelector('jse-sign-request')?.getAttribute('src')?.endsWith(f), { timeout: TIMEOUT }, file);
    await press(await find('button.add-field'));
    await page.waitForFunction(() => document.querySelector('jse-sign-request').fields.length === 1, { timeout: TIMEOUT });
  }

  /**
   * The other outcomes, after the happy story: a request refused by its signer (the GED's version
   * is no longer pending; replaying the invitation says so in French, nothing thrown), a request
   * cancelled by the sender, and one whose deadline passes (an image, sent as a one-page PDF).
   */
  async function outcomes() {
    const refusedFile = 'pages-pivotees.pdf';
    await openAndPlace(refusedFile);
    await fillSigner(['marie.leroy@example.com', 'Marie', 'Leroy', '0692 12 34 56']);
    const refused = await sendAndConfirm(refusedFile);
    const invitation = await page.waitForSelector('#outbox li[data-kind="invitation"]', { timeout: TIMEOUT });
    if (!(await invitation.evaluate((li) => li.textContent.includes('marie.leroy@example.com')))) problems.push('the newest invitation is not for Marie Leroy');
    await press(await invitation.$('button'));
    await press(await find('dialog.signer button', '^Refuser de signer$'));
    await find('dialog.signer p', '^Vous avez refusé');
    await press(await find('dialog.signer button', '^Fermer$'));
    await logged('jse-refused');
    await page.waitForSelector(`#file-rows tr[data-file="${refusedFile}"] li[data-request="${refused.id}"][data-kind="refused"]`, { timeout: TIMEOUT });
    if (await page.$(`#file-rows tr[data-file="${refusedFile}"] li[data-kind="pending"]`)) problems.push('the refused request still shows a version « en attente de signature »');
    await step('refused');
    // Replaying the invitation: the signing pages say, in French, that there is nothing to sign.
    await press(await (await page.waitForSelector('#outbox li[data-kind="invitation"]')).$('button'));
    const said = await (await find('dialog.signer [role="alert"]')).evaluate((p) => p.textContent);
    if (!/refusée.*plus rien à signer/.test(said)) problems.push(`replaying a refused invitation says ${JSON.stringify(said)}`);
    await step('replay-refused');
    await press(await find('dialog.signer button', '^Fermer$'));

    const cancelledFile = 'grand-livre.pdf';
    await openAndPlace(cancelledFile);
    await fillSigner(['jean.dupont@example.com', 'Jean', 'Dupont', '06 98 76 54 32']);
    const cancelled = await sendAndConfirm(cancelledFile);
    await press(await find('button[data-action="cancel"]'));
    await press(await find('button[data-action="confirm-cancel"]'));
    await logged('jse-cancelled');
    await page.waitForSelector(`#file-rows tr[data-file="${cancelledFile}"] li[data-request="${cancelled.id}"][data-kind="cancelled"]`, { timeout: TIMEOUT });
    if (await page.$(`#file-rows tr[data-file="${cancelledFile}"] li[data-kind="pending"]`)) problems.push('the cancelled request still shows a version « en attente de signature »');
    await step('cancelled');

    // The deadline passes (the sandbox's « Faire expirer »): the widget follows, the GED's version says so.
    const expiredFile = 'scan-facture.png';
    await openAndPlace(expiredFile);
    await fillSigner(['jean.dupont@example.com', 'Jean', 'Dupont', '06 98 76 54 32']);
    const expired = await sendAndConfirm(expiredFile);
    await press(await find(`#outbox li[data-request="${expired.id}"] button`));
    await logged('jse-expired');
    await page.waitForSelector(`#file-rows tr[data-file="${expiredFile}"] li[data-request="${expired.id}"][data-kind="expired"]`, { timeout: TIMEOUT });
    if (await page.$(`#file-rows tr[data-file="${expiredFile}"] li[data-kind="pending"]`)) problems.push('the expired request still shows a version « en attente de signature »');
    await step('expired');
  }

  try {
    // 1. The GED opens: its folder, the host code, the pen icons within the screen.
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const pen = await find('button.pen', 'Lettre de mission 2026$');
    const penBox = await pen.boundingBox();
    if (penBox.x + penBox.width > viewport.width) problems.push(`the pen icon is off screen (right edge ${penBox.x + penBox.width} px)`);
    const hostCode = await page.$eval('#host-code', (pre) => pre.textContent);
    for (const needed of ['document-name', 'me =', 'contacts =', 'layout-key', 'jse-pending', 'jse-signed', 'jse-refused', 'jse-cancelled', 'jse-expired', 'jse-error', 'configure(']) {
      if (!hostCode.includes(needed)) problems.push(`the host code shown does not show ${needed}`);
    }
    if (!touch) {
      // « Copier le module » puts the whole module on the clipboard.
      await context.overridePermissions(new URL(url).origin, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
      await press(await find('button.copy', '^Copier le module$'));
      await find('#host-code-status', '^Code copié');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      if (copied !== hostCode) problems.push(`the clipboard holds ${copied.length} characters, not the ${hostCode.length} of the module`);
    }
    await step('ged');

    // 2. The pen icon: the widget opens the document under its GED name; the account is not linked.
    await press(pen);
    await logged('jse-ready');
    const ready = await detailOf('jse-ready');
    if (ready.documentName !== 'Lettre de mission 2026') problems.push(`jse-ready names the document ${JSON.stringify(ready.documentName)}`);
    await logged('jse-connect-required');
    const connect = await find('button', '^Connecter Jesignexpert$');
    await step('connect-step');

    // 3. Connect: the provider's login opens in a popup; the widget continues by itself.
    const popupOpened = new Promise((resolve) => page.once('popup', resolve));
    await press(connect);
    const popup = await popupOpened;
    await popup.waitForSelector('#login[data-ready="true"]', { timeout: TIMEOUT });
    await popup.type('#email', 'claire.martin@cabinet-exemple.fr');
    await popup.type('#password', 'demo');
    await popup.click('#submit');
    await logged('jse-connected');
    await find('[part~="page"]');
    await step('connected');

    // 4. Place a field: a tap (or click) on the last page, where the letter asks for the client's signature.
    const pageCount = ready.pageCount;
    const lastPage = await page.waitForFunction(
      (n) => {
        const pages = [];
        const walk = (r) => {
          for (const el of r.querySelectorAll('*')) {
            if (el.matches('[part~="page"]')) pages.push(el);
            if (el.shadowRoot) walk(el.shadowRoot);
          }
        };
        walk(document);
        return pages.length >= n ? pages[n - 1] : null;
      },
      { timeout: TIMEOUT },
      pageCount,
    ).then((h) => h.asElement());
    await lastPage.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.waitForFunction((el) => el.querySelector('canvas') || el.shadowRoot?.querySelector('canvas'), { timeout: TIMEOUT }, lastPage).catch(() => undefined);
    // « Pour le client, lu et approuvé » is at x 320, y 680 of the A4 page: just below, on the right.
    const tapAt = await pointIn(lastPage, 0.7, 0.26);
    const fieldsBefore = await page.evaluate(() => document.querySelector('jse-sign-request').fields.length);
    if (touch) await page.touchscreen.tap(tapAt.x, tapAt.y);
    else await page.mouse.click(tapAt.x, tapAt.y);
    await page.waitForFunction((n) => document.querySelector('jse-sign-request').fields.length === n + 1, { timeout: TIMEOUT }, fieldsBefore);
    await find('[part~="field"]');
    await step('field-placed');

    // 5. The signer (the empty row the field created), and a message.
    await fillSigner(['jean.dupont@example.com', 'Jean', 'Dupont', '06 98 76 54 32'], MESSAGE);
    await step('signer');
    if (name === 'desktop') {
      // The README's picture: the GED, the widget with its field and signer, the log.
      await page.evaluate(() => document.activeElement?.blur?.());
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForFunction(() => window.scrollY === 0, { timeout: TIMEOUT });
      const readme = path.join(shots, 'readme.png');
      await page.screenshot({ path: readme });
      if (process.env.DEMO_E2E_DOCS) writeFileSync(path.join(root, 'docs/demo.png'), readFileSync(readme));
    }

    // 6. Send, confirm: the GED shows a version « en attente de signature ».
    await press(await find('[part~="submit"]'));
    const confirmButton = await find('dialog.confirm[open] button', '^Envoyer$');
    await step('confirm');
    await press(confirmButton);
    await logged('jse-pending');
    const pending = await detailOf('jse-pending');
    await page.waitForSelector('#file-rows li[data-kind="pending"]', { timeout: TIMEOUT });
    // The log's entry opens on its whole detail (nothing cut: it parsed above).
    await press(await find('#log li[data-type="jse-pending"] summary'));
    await page.waitForFunction(() => document.querySelector('#log li[data-type="jse-pending"] details').open && document.querySelector('#log li[data-type="jse-pending"] pre').getBoundingClientRect().height > 0, { timeout: TIMEOUT });
    await step('pending');

    // 7. The signer: the invitation (with the message), the document, the SMS code, the signature, the terms.
    const invitation = await page.waitForSelector('#outbox li[data-kind="invitation"]', { timeout: TIMEOUT });
    const mailText = await invitation.$eval('.mail-text', (p) => p.textContent);
    if (!mailText.includes(MESSAGE)) problems.push(`the invitation e-mail does not carry the message: ${JSON.stringify(mailText)}`);
    await press(await invitation.$('button'));
    await page.waitForSelector('dialog.signer[open]', { timeout: TIMEOUT });
    const shownMessage = await page.$eval('dialog.signer', (d) => d.querySelector('.message')?.textContent ?? '');
    if (shownMessage !== MESSAGE) problems.push(`the signing page shows the message ${JSON.stringify(shownMessage)}`);
    await step('signer-invitation');
    await press(await find('dialog.signer #accept'));
    await press(await find('dialog.signer button.primary', '^Continuer$'));
    await page.waitForSelector('dialog.signer #code', { timeout: TIMEOUT });
    const code = await page.waitForFunction(
      () => /(\d{4})\s*$/.exec(document.querySelectorAll('#outbox ul')[1]?.querySelector('li')?.textContent ?? '')?.[1],
      { timeout: TIMEOUT },
    ).then((h) => h.jsonValue());
    await fill(await page.$('dialog.signer #code'), code);
    await press(await find('dialog.signer button', '^Valider le code$'));
    const pad = await page.waitForSelector('dialog.signer canvas.pad', { timeout: TIMEOUT });
    await pad.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    // A signature drawn with the finger (or the mouse): a wave across the pad.
    const points = [];
    for (let i = 0; i < 24; i++) points.push(await pointIn(pad, 0.1 + (0.8 * i) / 23, 0.5 + 0.25 * Math.sin(i / 2)));
    if (touch) {
      // Sent through CDP with the gesture's own clock, 16 ms between moves, then the finger at rest
      // before it lifts, the whole stroke dated just before now. With real time stamps, the tap on
      // « Continuer » that follows a stroke lifted at full speed was sometimes swallowed by
      // Chromium's gesture detection (pointerdown and pointerup on the button, no click: last
      // session's flake at 390 px, reproduced here). Dated this way the stroke is the same on
      // every run, whatever the machine's load, and the tap is a new gesture.
      const cdp = await page.createCDPSession();
      const t0 = Date.now() / 1000 - 2;
      const touchAt = (type, p, t) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: p ? [{ x: p.x, y: p.y, id: 1 }] : [], timestamp: t0 + t });
      await touchAt('touchStart', points[0], 0);
      for (let i = 1; i < points.length; i++) await touchAt('touchMove', points[i], i * 0.016);
      const end = points.at(-1);
      const rest = points.length * 0.016;
      for (let i = 1; i <= 10; i++) await touchAt('touchMove', { x: end.x + (i % 2) * 0.25, y: end.y }, rest + i * 0.015);
      await touchAt('touchEnd', null, rest + 0.3);
      await cdp.detach();
    } else {
      await page.mouse.move(points[0].x, points[0].y);
      await page.mouse.down();
      for (const p of points.slice(1)) await page.mouse.move(p.x, p.y);
      await page.mouse.up();
    }
    await step('signature-drawn');
    // « Continuer » is enabled once the pad has ink; press() waits for it to be enabled and still.
    await press(await find('dialog.signer button.primary', '^Continuer$'));
    await press(await find('dialog.signer #terms'));
    await press(await find('dialog.signer #privacy'));
    await step('terms');
    await press(await find('dialog.signer button.primary', '^Signer$'));
    await find('dialog.signer p', '^Document signé');
    await step('signer-done');
    await press(await find('dialog.signer button', '^Fermer$'));

    // 8. Signed: the GED stores the signed PDF; open it and find the ink in the placed box.
    await logged('jse-signed');
    const signedLink = await page.waitForSelector('#file-rows li[data-kind="signed"] a', { timeout: TIMEOUT });
    await step('signed');
    const field = pending.request.fields[0];
    const ink = await signedLink.evaluate(async (a, f) => {
      const pdfjs = await import('/pdfjs/build/pdf.mjs');
      pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/build/pdf.worker.mjs';
      const data = new Uint8Array(await (await fetch(a.href)).arrayBuffer());
      const doc = await pdfjs.getDocument({ data, isEvalSupported: false }).promise;
      const pdfPage = await doc.getPage(f.page);
      const viewport = pdfPage.getViewport({ scale: 2 });
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      await pdfPage.render({ canvas, canvasContext: ctx, viewport }).promise;
      const [x1, y1] = viewport.convertToViewportPoint(f.x, f.y);
      const [x2, y2] = viewport.convertToViewportPoint(f.x + f.width, f.y + f.height);
      const box = { left: Math.min(x1, x2), right: Math.max(x1, x2), top: Math.min(y1, y2), bottom: Math.max(y1, y2) };
      const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let inside = 0;
      let outside = 0;
      for (let y = 0; y < canvas.height; y++) {
        for (let x = 0; x < canvas.width; x++) {
          const i = (y * canvas.width + x) * 4;
          // The pad's ink is #10306b: blue well above red. The letter itself is black and grey.
          if (pixels[i + 2] - pixels[i] < 40 || pixels[i + 3] < 128) continue;
          const inBox = x >= box.left - 2 && x <= box.right + 2 && y >= box.top - 2 && y <= box.bottom + 2;
          if (inBox) inside += 1;
          else outside += 1;
        }
      }
      const image = canvas.toDataURL('image/png');
      return { inside, outside, pages: doc.numPages, image };
    }, field);
    writeFileSync(path.join(shots, `${name}-signed-page.png`), Buffer.from(ink.image.split(',')[1], 'base64'));
    if (ink.inside < 100) problems.push(`the signed PDF has ${ink.inside} ink pixels in the placed box (page ${field.page})`);
    if (ink.outside > 0) problems.push(`the signed PDF has ${ink.outside} ink pixels outside the placed box`);
    if (problems.length) throw new Error(problems.join('\n'));
    if (outcomesToo) await outcomes();
    if (widgetTypography.size) console.log(`note (${name}): in the widget, plain spaces before ? ! : ; or inside « »: ${[...widgetTypography].map((t) => `« ${t} »`).join(', ')}`);
    return { name, seconds: (Date.now() - started) / 1000, steps, field, ink: { inside: ink.inside, outside: ink.outside } };
  } catch (error) {
    await page.screenshot({ path: path.join(shots, `${name}-failure.png`) }).catch(() => undefined);
    const log = await page.$$eval('#log summary', (l) => l.map((s) => s.textContent).join('\n')).catch(() => '');
    throw new Error(`${name} story failed after ${steps.join(', ') || 'no step'}:\n${error.message}\n--- demo log ---\n${log.slice(0, 3000)}`);
  } finally {
    await context.close();
  }
}

// Vite's dependency cache in the checkout (git-ignored), not in node_modules: a checkout whose
// node_modules is shared (a worktree's symlink) does not rewrite another checkout's cache.
const server = await createServer({
  configFile: path.join(root, 'vite.config.ts'),
  cacheDir: path.join(root, '.vite'),
  server: { port: 0, strictPort: false },
  logLevel: 'warn',
});
await server.listen();
const url = server.resolvedUrls.local[0];
const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
let failed = false;
try {
  for (const s of STORIES) {
    try {
      const result = await story(s, browser, url);
      console.log(`demo e2e ${result.name}: ok in ${result.seconds.toFixed(1)} s — ink ${result.ink.inside} px in the box, ${result.ink.outside} outside; steps: ${result.steps.join(', ')}`);
    } catch (error) {
      failed = true;
      console.error(error.message);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
if (failed) process.exit(1);
console.log(`demo e2e: every story passed; screenshots in ${path.relative(root, shots)}/`);
