/**
 * The message catalogue: every string the element shows. French is the reference; English must
 * have the same keys (the type checks it). Parameters are `{name}` placeholders; messages are
 * plain text, always rendered as text.
 */
export const fr = {
  'toolbar.label': 'Demande de signature',
  'doc.loading': 'Chargement du document…',
  'doc.noSource': 'Aucun document à afficher.',
  'doc.pageLabel': 'Page {page} sur {count}',
  'doc.pageCounter': '{page} / {count}',
  'error.retry': 'Réessayer',
  'error.document_unavailable': 'Le document est inaccessible ({detail}).',
  'error.damaged_document': 'Le document est endommagé et ne peut pas être ouvert.',
  'error.unsupported_document': 'Seuls les fichiers PDF, PNG et JPEG peuvent être envoyés en signature.',
  'error.encrypted_document':
    'Ce PDF est protégé par un mot de passe ou un chiffrement. Enregistrez-en une copie non protégée, puis réessayez.',
  'error.document_too_large': 'Le document pèse {size} ; la limite est de {limit}.',
  'error.generic': 'Une erreur est survenue : {detail}',
  // placement (issue 7)
  'field.label': 'Signature de {name}, page {page}',
  'field.labelUnnamed': 'Signature du signataire {n}, page {page}',
  'field.signerUnnamed': 'Signataire {n}',
  'field.reassign': 'Signataire de cette signature',
  'field.delete': 'Supprimer la signature',
  'field.add': 'Ajouter une signature sur cette page',
  'field.hint': 'Flèches : déplacer (Maj : par 10 points). Alt + flèches : redimensionner. Suppr : supprimer. Échap : annuler un glisser.',
  'field.outsidePage': 'La signature {n} dépasse de la page {page} : déplacez-la dans la page.',
  // end placement
} as const;

export type MessageKey = keyof typeof fr;
export type Catalogue = Record<MessageKey, string>;

export const en: Catalogue = {
  'toolbar.label': 'Signature request',
  'doc.loading': 'Loading the document…',
  'doc.noSource': 'No document to show.',
  'doc.pageLabel': 'Page {page} of {count}',
  'doc.pageCounter': '{page} / {count}',
  'error.retry': 'Retry',
  'error.document_unavailable': 'The document cannot be reached ({detail}).',
  'error.damaged_document': 'The document is damaged and cannot be opened.',
  'error.unsupported_document': 'Only PDF, PNG and JPEG files can be sent for signature.',
  'error.encrypted_document':
    'This PDF is protected by a password or encryption. Save an unprotected copy, then try again.',
  'error.document_too_large': 'The document is {size}; the limit is {limit}.',
  'error.generic': 'Something went wrong: {detail}',
  // placement (issue 7)
  'field.label': 'Signature of {name}, page {page}',
  'field.labelUnnamed': 'Signature of signer {n}, page {page}',
  'field.signerUnnamed': 'Signer {n}',
  'field.reassign': 'Signer of this signature',
  'field.delete': 'Delete the signature',
  'field.add': 'Add a signature on this page',
  'field.hint': 'Arrows: move (Shift: by 10 points). Alt + arrows: resize. Delete: remove. Escape: cancel a drag.',
  'field.outsidePage': 'Signature {n} lies outside page {page}: move it inside the page.',
  // end placement
};

export type Lang = 'fr' | 'en';
export const catalogues: Record<Lang, Catalogue> = { fr, en };

/** Picks the catalogue for a BCP 47 tag: English for `en*`, French otherwise. */
export function langOf(tag: string | null | undefined): Lang {
  return tag?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

/** Formats a message; unknown placeholders are left as they are, so a missing value shows. */
export function format(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogues[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? formatValue(lang, params[name]!) : whole,
  );
}

function formatValue(lang: Lang, value: string | number): string {
  return typeof value === 'number' ? value.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB') : value;
}

/** Bytes as the users read them: "10 Mo" / "10 MB" (decimal units, as the 10 Mo limit is). */
export function formatBytes(lang: Lang, bytes: number): string {
  const units = lang === 'fr' ? ['o', 'ko', 'Mo', 'Go'] : ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const text = value.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: digits });
  return `${text} ${units[unit]}`;
}
