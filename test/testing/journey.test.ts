/**
 * The signer's journey of the seed, played through the sandbox's API: invitation e-mail, accept
 * the document, SMS code (wrong code refused, locked after 3), drawn signature, both terms, sign,
 * signed copy e-mailed, the request signed when everyone has; and refusal.
 */
import { expect } from '@open-wc/testing';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { createSandbox, JourneyError, type Sandbox } from '../../src/testing/index.js';
import { makePdf } from '../helpers/documents.js';
import type { SignRequest } from '../../src/api/types.js';
import { body, drawnSignature, jsonOf, LEA, PAUL, PlainClient } from './helpers.js';

let worker: SetupWorker;
let sandbox: Sandbox;
let client: PlainClient;
let requestId: string;

/** A 4-digit code that is not `code`. */
function wrong(code: string): string {
  return ((Number(code) + 1) % 10000).toString().padStart(4, '0');
}

async function journeyError(action: () => unknown): Promise<string> {
  try {
    await action();
  } catch (error) {
    if (error instanceof JourneyError) return error.code;
    throw error;
  }
  return 'no error';
}

before(async () => {
  worker = setupWorker();
  await worker.start({ onUnhandledFrame: 'bypass', quiet: true });
});

after(async () => {
  await worker.stop();
});

beforeEach(async () => {
  sandbox = createSandbox({ proxyUrl: '/proxy', tokenEndpoint: '/token' });
  await sandbox.start(worker);
  client = new PlainClient(sandbox);
  const response = await client.create(await makePdf([{}, { rotate: 90 }]), body({ fields: [{ signerId: 's1', page: 2, x: 100, y: 100, width: 60, height: 180 }, { signerId: 's2', page: 1, x: 60, y: 100, width: 180, height: 60 }] }), 'journey');
  requestId = ((await response.json()) as { id: string }).id;
});

afterEach(async () => {
  await sandbox.stop();
});

function status(): Promise<SignRequest> {
  return jsonOf<SignRequest>(client.call('GET', `/requests/${requestId}`));
}

describe('signer journey', () => {
  it('plays the whole journey for two signers; the request is signed and the copy e-mailed', async () => {
    const [invitation] = sandbox.journey.invitations(PAUL.email);
    expect(invitation.subject).to.equal('Demande de signature : Lettre de mission.pdf');
    expect(invitation.text).to.contain('Claire Martin vous demande de signer');
    const paul = sandbox.journey.open(invitation);
    expect(paul.document).to.be.instanceOf(Uint8Array);

    expect(sandbox.state.smsTo(PAUL.phone)).to.have.length(0);
    const sms = paul.acceptDocument(); // "J'ai lu et j'accepte le document ci-dessus"
    expect(sms.code).to.match(/^\d{4}$/);
    expect(sms.text).to.contain(sms.code);
    expect(sandbox.state.smsTo(PAUL.phone)).to.deep.equal([sms]);

    expect(paul.enterCode(sms.code)).to.deep.equal({ accepted: true, attemptsLeft: 3, locked: false });
    await paul.drawSignature(await drawnSignature());
    paul.acceptTerms({ termsOfUse: true, dataProtection: true });
    const afterPaul = await paul.sign();
    expect(afterPaul.status).to.equal('pending');
    expect(afterPaul.signers.map((s) => s.status)).to.deep.equal(['signed', 'waiting']);
    expect((await status()).signers.map((s) => s.status)).to.deep.equal(['signed', 'waiting']);
    expect(sandbox.state.emailsTo(PAUL.email).filter((m) => m.kind === 'signed-copy')).to.have.length(0);

    const lea = sandbox.journey.open(LEA.email);
    const code = lea.acceptDocument().code;
    lea.enterCode(code);
    await lea.drawSignature(await drawnSignature());
    lea.acceptTerms({ termsOfUse: true, dataProtection: true });
    const done = await lea.sign();
    expect(done.status).to.equal('signed');
    const followed = await status();
    expect(followed.status).to.equal('signed');
    expect(followed.signedDocumentUrl).to.equal(`${sandbox.proxyUrl}/requests/${requestId}/signed-document`);

    const signed = new Uint8Array(await (await client.call('GET', `/requests/${requestId}/signed-document`)).arrayBuffer());
    for (const person of [PAUL, LEA]) {
      const copies = sandbox.state.emailsTo(person.email).filter((m) => m.kind === 'signed-copy');
      expect(copies, `${person.email} receives the signed copy`).to.have.length(1);
      expect(copies[0].attachment!.name).to.equal('Lettre de mission (signé).pdf');
      expect(copies[0].attachment!.bytes).to.deep.equal(signed);
    }
    expect(await journeyError(() => lea.sign())).to.equal('closed');
  });

  it('refuses a wrong code, locks the signer after the third, and the right code then fails too', async () => {
    const session = sandbox.journey.open(PAUL.email);
    const { code } = session.acceptDocument();
    expect(session.enterCode(wrong(code))).to.deep.equal({ accepted: false, attemptsLeft: 2, locked: false });
    expect(await journeyError(() => session.drawSignature(new Uint8Array()))).to.equal('code_not_verified');
    expect(session.enterCode(wrong(code))).to.deep.equal({ accepted: false, attemptsLeft: 1, locked: false });
    expect(session.enterCode(wrong(code))).to.deep.equal({ accepted: false, attemptsLeft: 0, locked: true });
    expect(await journeyError(() => session.enterCode(code))).to.equal('locked');
    expect(await journeyError(() => session.resendCode())).to.equal('locked');
    expect(await journeyError(() => session.sign())).to.equal('locked');
    // A locked signer has not signed, and the request waits on them.
    expect((await status()).signers[0].status).to.equal('waiting');
  });

  it('a wrong code then the right one is accepted; a resent code replaces the old one', () => {
    const session = sandbox.journey.open(PAUL.email);
    const first = session.acceptDocument().code;
    expect(session.enterCode(wrong(first)).accepted).to.equal(false);
    const second = session.resendCode().code;
    if (second !== first) expect(session.enterCode(first).accepted).to.equal(false);
    expect(session.enterCode(second)).to.include({ accepted: true, locked: false });
    expect(sandbox.state.smsTo(PAUL.phone)).to.have.length(2);
  });

  it('keeps the steps in order: code before drawing, ink and both terms before signing', async () => {
    const session = sandbox.journey.open(PAUL.email);
    expect(await journeyError(() => session.enterCode('0000'))).to.equal('document_not_accepted');
    const { code } = session.acceptDocument();
    session.enterCode(code);
    expect(await journeyError(() => session.sign())).to.equal('no_signature');
    const blank = new OffscreenCanvas(100, 40);
    blank.getContext('2d');
    expect(await journeyError(async () => session.drawSignature(await blank.convertToBlob()))).to.equal('no_signature');
    await session.drawSignature(await drawnSignature());
    session.acceptTerms({ termsOfUse: true, dataProtection: false });
    expect(await journeyError(() => session.sign())).to.equal('terms_not_accepted');
    session.acceptTerms({ termsOfUse: true, dataProtection: true });
    expect((await session.sign()).signers[0].status).to.equal('signed');
    expect(await journeyError(() => session.acceptDocument())).to.equal('already_done');
  });

  it('a signer who refuses makes the request refused; the others can no longer sign', async () => {
    const refused = sandbox.journey.open(LEA.email).refuse('Montant erroné');
    expect(refused.status).to.equal('refused');
    expect(refused.signers.map((s) => s.status)).to.deep.equal(['waiting', 'refused']);
    const followed = await status();
    expect(followed.status).to.equal('refused');
    expect(followed.signedDocumentUrl).to.equal(null);
    expect(await journeyError(() => sandbox.journey.open(PAUL.email).acceptDocument())).to.equal('closed');
    expect(sandbox.state.requests.get(requestId)!.signers[1].refusalReason).to.equal('Montant erroné');
  });

  it('an expired request cannot be signed', async () => {
    const session = sandbox.journey.open(PAUL.email);
    session.acceptDocument();
    sandbox.state.expire(requestId);
    expect(await journeyError(() => session.enterCode('1234'))).to.equal('closed');
    expect((await status()).status).to.equal('expired');
  });

  it('an unknown invitation is refused', async () => {
    expect(await journeyError(() => sandbox.journey.open('nobody@example.fr'))).to.equal('no_invitation');
    expect(await journeyError(() => sandbox.journey.open('jse-sandbox://sign/forged'))).to.equal('no_invitation');
  });

  it("carries the sender's message into the invitation and onto the signing page", async () => {
    const message = 'Bonjour,\nMerci de signer avant vendredi.';
    await client.create(await makePdf(), body({ message, signers: [{ ...PAUL, id: 'p', email: 'paul.m@example.com' }], fields: [{ signerId: 'p', page: 1, x: 60, y: 60, width: 180, height: 60 }] }), 'msg');
    const [mail] = sandbox.journey.invitations('paul.m@example.com');
    expect(mail.text).to.contain(message);
    const session = sandbox.journey.open(mail);
    expect(session.message).to.equal(message);
    expect(session.documentName).to.equal('Lettre de mission.pdf');
    // A request without a message gives an empty one, not "undefined".
    await client.create(await makePdf(), body({ message: undefined, signers: [{ ...PAUL, id: 'q', email: 'paul.q@example.com' }], fields: [{ signerId: 'q', page: 1, x: 60, y: 60, width: 180, height: 60 }] }), 'no-msg');
    expect(sandbox.journey.open('paul.q@example.com').message).to.equal('');
  });

  it('writes the invitation in English for an English request', async () => {
    await client.create(await makePdf(), body({ locale: 'en', message: 'Please sign', signers: [{ ...PAUL, id: 'p', email: 'paul@example.com' }], fields: [{ signerId: 'p', page: 1, x: 60, y: 60, width: 180, height: 60 }] }), 'en');
    const [mail] = sandbox.journey.invitations('paul@example.com');
    expect(mail.subject).to.equal('Signature request: Lettre de mission.pdf');
    expect(mail.text).to.contain('Review the documents and sign').and.contain('Please sign');
    expect(sandbox.journey.open(mail).acceptDocument().text).to.match(/^Jesignexpert: your signing code is \d{4}$/);
  });
});
