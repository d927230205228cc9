/**
 * The demo's signer side: the sandbox's e-mail and SMS outboxes, and the signer journey of the
 * help article played by the visitor — open the invitation (« Consulter les documents et signer »),
 * read the sender's message and the document, tick « J'ai lu et j'accepte le document ci-dessus »,
 * type the 4-digit SMS code, draw the signature, accept both terms, « Signer ». Plain DOM; every
 * text set with textContent; every failure said in French in the dialog, never thrown.
 */
import { JourneyError, type Sandbox, type SignerSession } from '../src/testing/index.js';

const NNBSP = '\u202f';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

const CLOSED: Record<string, string> = {
  signed: 'Ce document est déjà signé par tous les signataires',
  refused: 'Cette demande a été refusée',
  expired: 'Cette demande a expiré',
  cancelled: "L’expéditeur a annulé cette demande",
};

/** What the signing pages say, in French, when a step cannot be taken. */
export function journeyMessage(error: unknown, session?: SignerSession): string {
  const code = error instanceof JourneyError ? error.code : undefined;
  switch (code) {
    case 'no_invitation':
      return `Cette invitation n’existe plus${NNBSP}: demandez à l’expéditeur de vous l’envoyer à nouveau.`;
    case 'closed': {
      let status = '';
      try {
        status = session?.request.status ?? '';
      } catch {
        // the request is gone: the generic sentence below
      }
      return `${CLOSED[status] ?? "Cette demande n’est plus ouverte"}${NNBSP}: il n’y a plus rien à signer.`;
    }
    case 'already_done':
      return `Vous avez déjà répondu à cette demande${NNBSP}: il n’y a plus rien à signer.`;
    case 'locked':
      return `Trop de codes erronés${NNBSP}: la signature est bloquée. Contactez l’expéditeur.`;
    case 'document_not_accepted':
      return "Acceptez d’abord le document.";
    case 'code_not_verified':
      return "Saisissez d’abord le code reçu par SMS.";
    case 'no_signature':
      return 'Dessinez votre signature.';
    case 'no_initials':
      return 'Dessinez votre paraphe.';
    case 'terms_not_accepted':
      return 'Acceptez les deux conditions pour signer.';
    default:
      return `La signature n’a pas pu aboutir${NNBSP}: fermez cette fenêtre et rouvrez l’invitation.`;
  }
}

export function mountOutbox(root: HTMLElement, sandbox: Sandbox): void {
  const render = () => {
    const mails = [...sandbox.state.emails].reverse();
    const sms = [...sandbox.state.sms].reverse();
    const mailList = el('ul', undefined, { class: 'outbox' });
    if (mails.length === 0) mailList.append(el('li', `Aucun e-mail pour le moment${NNBSP}: envoyez une demande.`));
    for (const mail of mails) {
      const li = el('li', undefined, { 'data-kind': mail.kind });
      li.append(el('strong', mail.subject), el('br'), el('span', `À${NNBSP}: ${mail.to}`));
      const details = el('details');
      details.append(el('summary', "Lire l’e-mail"), el('p', mail.text, { class: 'mail-text' }));
      li.append(details);
      if (mail.kind === 'invitation') {
        const open = el('button', 'Consulter les documents et signer', { type: 'button', class: 'primary' });
        open.addEventListener('click', () => playSigner(sandbox, mail.link ?? mail.id));
        li.append(open);
      } else if (mail.attachment) {
        const url = URL.createObjectURL(new Blob([mail.attachment.bytes as BlobPart], { type: 'application/pdf' }));
        li.append(el('a', `Pièce jointe${NNBSP}: ${mail.attachment.name}`, { href: url, target: '_blank' }));
      }
      mailList.append(li);
    }
    const smsList = el('ul', undefined, { class: 'outbox' });
    if (sms.length === 0) smsList.append(el('li', 'Aucun SMS.'));
    for (const message of sms) smsList.append(el('li', `${message.to}${NNBSP}: ${message.text}`));
    // The deadline, simulated: a pending request can be made to expire now (the widget then says so
    // and fires jse-expired).
    const pending = [...sandbox.state.requests.values()].filter((r) => r.status === 'pending');
    const deadlines = el('ul', undefined, { class: 'outbox' });
    if (pending.length === 0) deadlines.append(el('li', 'Aucune demande en attente.'));
    for (const request of pending) {
      const li = el('li', undefined, { 'data-request': request.id });
      const expire = el('button', `Faire expirer «${NNBSP}${request.documentName}${NNBSP}»`, { type: 'button' });
      expire.addEventListener('click', () => sandbox.state.expire(request.id));
      li.append(expire);
      deadlines.append(li);
    }
    root.replaceChildren(el('h3', 'E-mails'), mailList, el('h3', 'SMS'), smsList, el('h3', 'Échéances (simulées)'), deadlines);
  };
  sandbox.state.subscribe(render);
  render();
}

/** A dialog that walks the signer through the journey (the signing pages of Jesignexpert). */
function playSigner(sandbox: Sandbox, invitation: string): void {
  const dialog = el('dialog', undefined, { class: 'signer', 'aria-labelledby': 'signer-title' });
  const head = el('div', undefined, { class: 'signer-head' });
  const body = el('div', undefined, { class: 'signer-body' });
  dialog.append(head, body);
  document.body.append(dialog);
  dialog.addEventListener('close', () => dialog.remove());
  dialog.showModal();

  const step = (...nodes: Node[]) => body.replaceChildren(...nodes);
  const closeButton = () => {
    const b = el('button', 'Fermer', { type: 'button' });
    b.addEventListener('click', () => dialog.close());
    return b;
  };
  let session: SignerSession | undefined;
  const fail = (error: unknown) => {
    step(el('p', journeyMessage(error, session), { role: 'alert' }), el('div', undefined, { class: 'actions' }));
    body.lastElementChild!.append(closeButton());
    (body.querySelector('button') as HTMLButtonElement).focus();
  };

  let docUrl: string;
  let signerName = '';
  try {
    session = sandbox.journey.open(invitation);
    const signer = session.request.signers.find((s) => s.id === session!.signerId)!;
    signerName = `${signer.firstName} ${signer.lastName}`;
    docUrl = URL.createObjectURL(new Blob([session.document as BlobPart], { type: 'application/pdf' }));
  } catch (error) {
    head.append(el('h2', 'Jesignexpert', { id: 'signer-title' }));
    return fail(error);
  }
  const open = session;
  head.append(el('h2', `Jesignexpert — ${signerName}`, { id: 'signer-title' }), el('p', open.documentName));
  const run = (action: () => unknown) => {
    try {
      const result = action();
      if (result instanceof Promise) result.catch(fail);
    } catch (error) {
      fail(error);
    }
  };

  // 1. The sender's message; read and accept the document.
  const accept = el('input', undefined, { type: 'checkbox', id: 'accept' });
  const next = el('button', 'Continuer', { type: 'button', class: 'primary' });
  next.disabled = true;
  accept.addEventListener('change', () => (next.disabled = !accept.checked));
  const refuse = el('button', 'Refuser de signer', { type: 'button' });
  refuse.addEventListener('click', () =>
    run(() => {
      open.refuse('Refus depuis la démonstration');
      step(el('p', "Vous avez refusé de signer. L’expéditeur en est informé."), closeButton());
    }),
  );
  next.addEventListener('click', () =>
    run(() => {
      open.acceptDocument();
      codeStep();
    }),
  );
  const check = el('p', undefined, { class: 'check' });
  check.append(accept, el('label', "J’ai lu et j’accepte le document ci-dessus", { for: 'accept' }));
  const actions = el('div', undefined, { class: 'actions' });
  actions.append(next, refuse);
  step(
    el('p', 'Étape 1 sur 4 — le document', { class: 'step' }),
    ...(open.message ? [el('p', `Message de l’expéditeur${NNBSP}:`), el('blockquote', open.message, { class: 'message' })] : []),
    el('a', 'Ouvrir le document (PDF)', { href: docUrl, target: '_blank' }),
    check,
    actions,
  );

  // 2. The SMS code.
  function codeStep(): void {
    const input = el('input', undefined, { id: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: '4' });
    const status = el('p', 'Un code à 4 chiffres vient d’être envoyé par SMS (voir «\u202fSMS\u202f» dans les boîtes d’envoi).', { role: 'status' });
    const ok = el('button', 'Valider le code', { type: 'button', class: 'primary' });
    ok.addEventListener('click', () =>
      run(() => {
        const result = open.enterCode(input.value.trim());
        if (result.accepted) return signatureStep();
        status.textContent = result.locked
          ? journeyMessage(new JourneyError('locked', ''))
          : `Code incorrect${NNBSP}: vérifiez le SMS et réessayez. Essais restants${NNBSP}: ${result.attemptsLeft}.`;
      }),
    );
    const row = el('div', undefined, { class: 'actions' });
    row.append(input, ok);
    step(el('p', 'Étape 2 sur 4 — le code', { class: 'step' }), status, el('label', 'Code reçu par SMS', { for: 'code' }), row);
    input.focus();
  }

  /** A drawing pad with « Effacer » and an example drawing; `blob()` gives its PNG. */
  function pad(label: string, example: (ctx: CanvasRenderingContext2D) => void, width = 420) {
    const canvas = el('canvas', undefined, { width: String(width), height: '160', class: 'pad', role: 'img', 'aria-label': label });
    const ctx = canvas.getContext('2d')!;
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    ctx.strokeStyle = '#10306b';
    let drawing = false;
    let drawn = false;
    const changed = new EventTarget();
    // The canvas is scaled to fit narrow screens: pointer positions are taken in its own pixels.
    const at = (e: PointerEvent): [number, number] => {
      const box = canvas.getBoundingClientRect();
      return [((e.clientX - box.left) * canvas.width) / box.width, ((e.clientY - box.top) * canvas.height) / box.height];
    };
    canvas.addEventListener('pointerdown', (e) => {
      drawing = true;
      canvas.setPointerCapture(e.pointerId);
      ctx.beginPath();
      ctx.moveTo(...at(e));
      e.preventDefault();
    });
    canvas.addEventListener('pointermove', (e) => {
      if (!drawing) return;
      ctx.lineTo(...at(e));
      ctx.stroke();
      if (!drawn) {
        drawn = true;
        changed.dispatchEvent(new Event('change'));
      }
    });
    const stop = () => (drawing = false);
    canvas.addEventListener('pointerup', stop);
    canvas.addEventListener('pointercancel', stop);
    const clear = el('button', 'Effacer', { type: 'button' });
    clear.addEventListener('click', () => {
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      drawn = false;
      changed.dispatchEvent(new Event('change'));
    });
    const demo = el('button', 'Exemple', { type: 'button' });
    demo.addEventListener('click', () => {
      ctx.beginPath();
      example(ctx);
      ctx.stroke();
      drawn = true;
      changed.dispatchEvent(new Event('change'));
    });
    const tools = el('div', undefined, { class: 'actions' });
    tools.append(clear, demo);
    return {
      nodes: [el('p', `${label}${NNBSP}:`), canvas, tools] as Node[],
      changed,
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
    const initials = open.needsInitials
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
    const next = el('button', 'Continuer', { type: 'button', class: 'primary' });
    // Enabled once everything asked for is drawn.
    const update = () => (next.disabled = !signature.drawn || (initials !== undefined && !initials.drawn));
    signature.changed.addEventListener('change', update);
    initials?.changed.addEventListener('change', update);
    update();
    next.addEventListener('click', () =>
      run(async () => {
        next.disabled = true;
        await open.drawSignature(await signature.blob());
        if (initials) await open.drawInitials(await initials.blob());
        textsStep();
      }),
    );
    step(el('p', 'Étape 3 sur 4 — la signature', { class: 'step' }), ...signature.nodes, ...(initials ? initials.nodes : []), next);
  }

  // Each mention to write and each text to type, in order.
  function textsStep(): void {
    const prompt = open.nextPrompt();
    if (!prompt) return termsStep();
    const input = el('input', undefined, { id: 'answer', autocomplete: 'off' });
    const label =
      prompt.kind === 'mention'
        ? `Recopiez la mention «${NNBSP}${prompt.prompt}${NNBSP}» (page ${prompt.page})`
        : `${prompt.prompt} (page ${prompt.page})`;
    const ok = el('button', 'Valider', { type: 'button', class: 'primary' });
    const status = el('p', '', { role: 'status' });
    const done = open.answers.length;
    ok.addEventListener('click', () => {
      try {
        open.answer(input.value);
        textsStep();
      } catch (error) {
        const code = error instanceof JourneyError ? error.code : '';
        status.textContent =
          code === 'mention_mismatch'
            ? `Recopiez la mention exactement${NNBSP}: «${NNBSP}${prompt.prompt}${NNBSP}».`
            : code === 'empty_text'
              ? `Saisissez le texte demandé${NNBSP}: ${prompt.prompt}.`
              : journeyMessage(error, open);
      }
    });
    step(el('p', `Mention ou texte ${done + 1} sur ${open.prompts.length}`, { class: 'step' }), el('label', label, { for: 'answer' }), input, ok, status);
    input.focus();
  }

  // 4. Accept both terms, sign.
  function termsStep(): void {
    const terms = el('input', undefined, { type: 'checkbox', id: 'terms' });
    const privacy = el('input', undefined, { type: 'checkbox', id: 'privacy' });
    const sign = el('button', 'Signer', { type: 'button', class: 'primary' });
    const status = el('p', '', { role: 'status' });
    const update = () => (sign.disabled = !terms.checked || !privacy.checked);
    terms.addEventListener('change', update);
    privacy.addEventListener('change', update);
    update();
    sign.addEventListener('click', () =>
      run(async () => {
        sign.disabled = true;
        status.textContent = 'Signature en cours…';
        open.acceptTerms({ termsOfUse: true, dataProtection: true });
        await open.sign();
        step(el('p', 'Document signé. Une copie vous est envoyée par e-mail.', { role: 'status' }), closeButton());
        (body.querySelector('button') as HTMLButtonElement).focus();
      }),
    );
    const t = el('p', undefined, { class: 'check' });
    t.append(terms, el('label', "J’accepte les conditions générales d’utilisation", { for: 'terms' }));
    const p = el('p', undefined, { class: 'check' });
    p.append(privacy, el('label', 'J’accepte la politique de protection des données', { for: 'privacy' }));
    step(el('p', 'Étape 4 sur 4 — les conditions', { class: 'step' }), t, p, sign, status);
  }
}
