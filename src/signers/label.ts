/**
 * How messages name a signer. Apart from validation so that what only names signers (the send
 * summary) does not pull the phone metadata into the element's first bundle.
 */
import type { Signer } from '../api/types.js';
import { format, type Lang } from '../i18n/messages.js';

/** "Marie Dupont", else the e-mail, else "Signataire 2": how messages name a signer. */
export function signerLabel(signer: Pick<Signer, 'email' | 'firstName' | 'lastName'>, index: number, lang: Lang = 'fr'): string {
  const name = `${signer.firstName.trim()} ${signer.lastName.trim()}`.trim();
  return name || signer.email.trim() || format(lang, 'signers.signer', { n: index + 1 });
}
