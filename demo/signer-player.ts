/**
 * The demo's signer side: the sandbox's e-mail and SMS outboxes, and the signer journey of the
 * help article played by the visitor — open the invitation ("Consulter les documents et signer"),
 * read the document, tick "J'ai lu et j'accepte le document ci-dessus", type the 4-digit SMS code,
 * draw the signature, accept both terms, "Signer". Plain DOM; every text set with textContent.
 */
import type { Sandbox, SignerSession } from '../src/testing/index.js';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

export function mountOutbox(root: HTMLElement, sandbox: Sandbox): void {
  const render = () => {
    const mails = [...sandbox.state.emails].reverse();
    const sms = [...sandbox.state.sms].reverse();
    const mailList = el('ul', undefined, { class: 'outbox' });
    if (mails.length === 0) mailList.append(el('li', 'Aucun e-mail pour le moment : envoyez une demande.'));
    for (const mail of mails) {
      const li = el('li');
      li.append(el('strong', mail.subject), el('br'), el('span', `À : ${mail.to}`));
      if (mail.kind === 'invitation') {
        const open = el('button', 'Consulter les documents et signer', { type: 'button' });
        open.addEventListener('click', () => playSigner(sandbox, mail.link ?? mail.id));
        li.append(el('br'), open);
      } else if (mail.attachment) {
        const url = URL.createObjectURL(new Blob([mail.attachment.bytes as BlobPart], { type: 'application/pdf' }));
        li.append(el('br'), el('a', `Pièce jointe : ${mail.attachment.name}`, { href: url, target: '_blank' }));
      }
      mailList.append(li);
    }
    const smsList = el('ul', undefined, { class: 'outbox' });
    if (sms.length === 0) smsList.append(el('li', 'Aucun SMS.'));
    for (const message of sms) smsList.append(el('li', `${message.to} : ${message.text}`));
    root.replaceChildren(el('h3', 'E-mails'), mailList, el('h3', 'SMS'), smsList);
  };
  sandbox.state.subscribe(render);
  render();
}

/** A dialog that walks the signer through the journey. */
function playSigner(sandbox: Sandbox, invitation: string): void {
  let session: SignerSession;
  try {
    session = sandbox.journey.open(invitation);
  } catch (error) {
    alert((error as Error).message);
    return;
  }
  const dialog = el('dialog', undefined, { class: 'signer', 'aria-labelledby': 'signer-title' });
  const body = el('div');
  const signer = session.request.signers.find((s) => s.id === session.signerId)!;
  dialog.append(el('h2', `Jesignexpert — ${signer.firstName} ${signer.lastName}`, { id: 'signer-title' }), body);
  document.body.append(dialog);
  dialog.addEventListener('close', () => dialog.remove());
  dialog.showModal();

  const step = (...nodes: Node[]) => body.replaceChildren(...nodes);
  const fail = (error: unknown) => step(el('p', (error as Error).message, { role: 'alert' }), closeButton());
  const closeButton = () => {
    const b = el('button', 'Fermer', { type: 'button' });
    b.addEventListener('click', () => dialog.close());
    return b;
  };

  // 1. Read and accept the document.
  const docUrl = URL.createObjectURL(new Blob([session.document as BlobPart], { type: 'application/pdf' }));
  const accept = el('input', undefined, { type: 'checkbox', id: 'accept' });
  const next = el('button', 'Continuer', { type: 'button' });
  next.disabled = true;
  accept.addEventListener('change', () => (next.disabled = !accept.checked));
  const refuse = el('button', 'Refuser de signer', { type: 'button', class: 'secondary' });
  refuse.addEventListener('click', () => {
    try {
      session.refuse('Refus depuis la démonstration');
      step(el('p', 'Vous avez refusé de signer. Le cabinet en est informé.'), closeButton());
    } catch (error) {
      fail(error);
    }
  });
  next.addEventListener('click', () => {
    try {
      session.acceptDocument();
      codeStep();
    } catch (error) {
      fail(error);
    }
  });
  step(
    el('p', 'Prenez connaissance du document :'),
    el('a', 'Ouvrir le document (PDF)', { href: docUrl, target: '_blank' }),
    el('p'),
    accept,
    el('label', " J'ai lu et j'accepte le document ci-dessus", { for: 'accept' }),
    el('p'),
    next,
    refuse,
  );

  // 2. The SMS code.
  function codeStep(): void {
    const input = el('input', undefined, { id: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: '4' });
    const status = el('p', 'Un code à 4 chiffres vient d’être envoyé par SMS (voir « SMS » dans les boîtes d’envoi).', { role: 'status' });
    const ok = el('button', 'Valider le code', { type: 'button' });
    ok.addEventListener('click', () => {
      try {
        const result = session.enterCode(input.value.trim());
        if (result.accepted) return signatureStep();
        status.textContent = result.locked
          ? 'Trop de codes erronés : la signature est bloquée.'
          : `Code incorrect. Essais restants : ${result.attemptsLeft}.`;
      } catch (error) {
        fail(error);
      }
    });
    step(status, el('label', 'Code reçu par SMS ', { for: 'code' }), input, ok);
    input.focus();
  }

  /** A drawing pad with "Effacer" and an example drawing; `blob()` gives its PNG. */
  function pad(label: string, example: (ctx: CanvasRenderingContext2D) => void, width = 420) {
    const canvas = el('canvas', undefined, { width: String(width), height: '160', class: 'pad', 'aria-label': label });
    const ctx = canvas.getContext('2d')!;
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    ctx.strokeStyle = '#10306b';
    let drawing = false;
    let drawn = false;
    canvas.addEventListener('pointerdown', (e) => {
      drawing = true;
      canvas.setPointerCapture(e.pointerId);
      ctx.beginPath();
      ctx.moveTo(e.offsetX, e.offsetY);
    });
    canvas.addEventListener('pointermove', (e) => {
      if (!drawing) return;
      ctx.lineTo(e.offsetX, e.offsetY);
      ctx.stroke();
      drawn = true;
    });
    canvas.addEventListener('pointerup', () => (drawing = false));
    const clear = el('button', 'Effacer', { type: 'button', class: 'secondary' });
    clear.addEventListener('click', () => {
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      drawn = false;
    });
    const demo = el('button', 'Exemple', { type: 'button', class: 'secondary' });
    demo.addEventListener('click', () => {
      ctx.beginPath();
      example(ctx);
      ctx.stroke();
      drawn = true;
    });
    return {
      nodes: [el('p', `${label} :`), canvas, el('div', undefined, { class: 'row' }), clear, demo] as Node[],
      get drawn() {
        return drawn;
      },
      blob: () => new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png')),
    };
  }

  // 3. Draw the signature (and the initials when the sender placed some).
  function signatureStep(): void {
    const signature = pad('Dessinez votre signature', (ctx) => {
      ctx.moveTo(30, 110);
      for (let x = 30; x < 390; x += 6) ctx.lineTo(x, 90 + Math.sin(x / 14) * 35 * Math.cos(x / 60));
    });
    const initials = session.needsInitials
      ? pad(
          'Dessinez votre paraphe (il sera apposé sur les pages prévues)',
          (ctx) => {
            ctx.moveTo(20, 120);
            ctx.lineTo(50, 40);
            ctx.lineTo(80, 120);
            ctx.moveTo(110, 40);
            ctx.lineTo(110, 120);
            ctx.quadraticCurveTo(170, 100, 110, 80);
          },
          220,
        )
      : undefined;
    const next = el('button', 'Continuer', { type: 'button' });
    const status = el('p', '', { role: 'status' });
    const submit = async (): Promise<void> => {
      if (!signature.drawn) return void (status.textContent = 'Dessinez votre signature.');
      if (initials && !initials.drawn) return void (status.textContent = 'Dessinez votre paraphe.');
      next.disabled = true;
      try {
        await session.drawSignature(await signature.blob());
        if (initials) await session.drawInitials(await initials.blob());
        textsStep();
      } catch (error) {
        fail(error);
      }
    };
    next.addEventListener('click', () => void submit());
    step(...signature.nodes, ...(initials ? [el('p'), ...initials.nodes] : []), el('p'), next, status);
  }

  // 4. Each mention to write and each text to type, in order.
  function textsStep(): void {
    const prompt = session.nextPrompt();
    if (!prompt) return termsStep();
    const input = el('input', undefined, { id: 'answer', autocomplete: 'off' });
    const label =
      prompt.kind === 'mention'
        ? `Recopiez la mention « ${prompt.prompt} » (page ${prompt.page}) `
        : `${prompt.prompt} (page ${prompt.page}) `;
    const ok = el('button', 'Valider', { type: 'button' });
    const status = el('p', '', { role: 'status' });
    const done = session.answers.length;
    ok.addEventListener('click', () => {
      try {
        session.answer(input.value);
        textsStep();
      } catch (error) {
        status.textContent = (error as Error).message;
      }
    });
    step(el('p', `Mention ou texte ${done + 1} sur ${session.prompts.length}`), el('label', label, { for: 'answer' }), input, ok, status);
    input.focus();
  }

  // 5. Accept both terms, sign.
  function termsStep(): void {
    const terms = el('input', undefined, { type: 'checkbox', id: 'terms' });
    const privacy = el('input', undefined, { type: 'checkbox', id: 'privacy' });
    const sign = el('button', 'Signer', { type: 'button' });
    const status = el('p', '', { role: 'status' });
    const submit = async (): Promise<void> => {
      if (!terms.checked || !privacy.checked) return void (status.textContent = 'Acceptez les deux conditions pour signer.');
      sign.disabled = true;
      status.textContent = 'Signature en cours…';
      try {
        session.acceptTerms({ termsOfUse: true, dataProtection: true });
        await session.sign();
        step(el('p', 'Document signé. Une copie vous est envoyée par e-mail.'), closeButton());
      } catch (error) {
        fail(error);
      }
    };
    sign.addEventListener('click', () => void submit());
    step(
      terms,
      el('label', " J'accepte les conditions générales d'utilisation", { for: 'terms' }),
      el('br'),
      privacy,
      el('label', ' J’accepte la politique de protection des données', { for: 'privacy' }),
      el('p'),
      sign,
      status,
    );
  }
}
