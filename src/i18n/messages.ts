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
  // loading (issue 5)
  'load.tooLargeUnknownSize': 'Le document dépasse la limite de {limit}.',
  'load.bytesExact': '{count} octets',
  'load.networkError': 'erreur réseau',
  'password.title': 'Ce PDF est protégé par un mot de passe. Saisissez-le pour l’ouvrir.',
  'password.label': 'Mot de passe du document',
  'password.incorrect': 'Mot de passe incorrect. Réessayez.',
  'password.open': 'Ouvrir',
  'password.cancel': 'Annuler',
  // end loading
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
  // signers (issue 8)
  'signers.title': 'Signataires',
  'signers.signer': 'Signataire {n}',
  'signers.email': 'E-mail',
  'signers.firstName': 'Prénom',
  'signers.lastName': 'Nom',
  'signers.phone': 'Téléphone mobile',
  'signers.country': 'Pays du numéro',
  'signers.phoneResolved': '{number} · {country}',
  'signers.fields.none': 'Aucun emplacement de signature',
  'signers.fields.one': '1 emplacement de signature',
  'signers.fields.other': '{count} emplacements de signature',
  'signers.empty': 'Aucun signataire pour l’instant.',
  'signers.add': 'Ajouter un signataire',
  'signers.addMe': 'Ajouter moi-même',
  'signers.remove': 'Retirer',
  'signers.removeLabel': 'Retirer {name}',
  'signers.search': 'Rechercher un contact',
  'signers.suggestions': 'Contacts suggérés',
  'signers.recent': 'récent',
  'signers.noMatch': 'Aucun contact trouvé.',
  'signers.searchFailed': 'La recherche de contacts a échoué.',
  'signers.message': 'Message aux signataires (facultatif)',
  'signers.confirm.title': 'Retirer {name} ?',
  'signers.confirm.body.one': '{name} a 1 emplacement de signature sur le document.',
  'signers.confirm.body.other': '{name} a {count} emplacements de signature sur le document.',
  'signers.confirm.delete': 'Retirer et supprimer ses emplacements',
  'signers.confirm.reassignTo': 'Attribuer ses emplacements à',
  'signers.confirm.reassign': 'Retirer et attribuer',
  'signers.confirm.cancel': 'Annuler',
  'signers.error.required': 'Ce champ est obligatoire.',
  'signers.error.required.email': 'Saisissez l’adresse e-mail.',
  'signers.error.required.firstName': 'Saisissez le prénom.',
  'signers.error.required.lastName': 'Saisissez le nom.',
  'signers.error.required.phone': 'Saisissez le numéro de mobile : il reçoit le code SMS qui confirme l’identité du signataire.',
  'signers.error.invalid_email': 'Adresse e-mail invalide (exemple : nom@cabinet.fr).',
  'signers.error.duplicate_email': 'Cette adresse e-mail est déjà celle d’un autre signataire.',
  'signers.error.invalid_phone': 'Numéro invalide pour le pays choisi.',
  'signers.error.not_mobile': 'Ce numéro n’est pas un mobile : le signataire doit recevoir un code par SMS.',
  'signers.error.no_signer': 'Ajoutez au moins un signataire.',
  'signers.error.no_field': '{name} n’a aucun emplacement de signature : placez-en un sur le document.',
  // end signers
} as const;

export type MessageKey = keyof typeof fr;
export type Catalogue = Record<MessageKey, string>;

export const en: Catalogue = {
  'toolbar.label': 'Signature request',
  'doc.loading': 'Loading the document…',
  'doc.noSource': 'No document to show.',
  'doc.pageLabel': 'Page {page} of {count}',
  'doc.pageCounter': '{page} / {count}',
  // loading (issue 5)
  'load.tooLargeUnknownSize': 'The document is over the {limit} limit.',
  'load.bytesExact': '{count} bytes',
  'load.networkError': 'network error',
  'password.title': 'This PDF is protected by a password. Type it to open the document.',
  'password.label': 'Document password',
  'password.incorrect': 'Wrong password. Try again.',
  'password.open': 'Open',
  'password.cancel': 'Cancel',
  // end loading
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
  // signers (issue 8)
  'signers.title': 'Signers',
  'signers.signer': 'Signer {n}',
  'signers.email': 'E-mail',
  'signers.firstName': 'First name',
  'signers.lastName': 'Last name',
  'signers.phone': 'Mobile phone',
  'signers.country': 'Country of the number',
  'signers.phoneResolved': '{number} · {country}',
  'signers.fields.none': 'No signature location',
  'signers.fields.one': '1 signature location',
  'signers.fields.other': '{count} signature locations',
  'signers.empty': 'No signers yet.',
  'signers.add': 'Add a signer',
  'signers.addMe': 'Add myself',
  'signers.remove': 'Remove',
  'signers.removeLabel': 'Remove {name}',
  'signers.search': 'Search contacts',
  'signers.suggestions': 'Suggested contacts',
  'signers.recent': 'recent',
  'signers.noMatch': 'No contact found.',
  'signers.searchFailed': 'The contact search failed.',
  'signers.message': 'Message to the signers (optional)',
  'signers.confirm.title': 'Remove {name}?',
  'signers.confirm.body.one': '{name} has 1 signature location on the document.',
  'signers.confirm.body.other': '{name} has {count} signature locations on the document.',
  'signers.confirm.delete': 'Remove and delete their locations',
  'signers.confirm.reassignTo': 'Give their locations to',
  'signers.confirm.reassign': 'Remove and reassign',
  'signers.confirm.cancel': 'Cancel',
  'signers.error.required': 'This field is required.',
  'signers.error.required.email': 'Enter the e-mail address.',
  'signers.error.required.firstName': 'Enter the first name.',
  'signers.error.required.lastName': 'Enter the last name.',
  'signers.error.required.phone': 'Enter the mobile number: it receives the SMS code that confirms the signer’s identity.',
  'signers.error.invalid_email': 'Invalid e-mail address (example: name@firm.com).',
  'signers.error.duplicate_email': 'Another signer already has this e-mail address.',
  'signers.error.invalid_phone': 'Invalid number for the chosen country.',
  'signers.error.not_mobile': 'This is not a mobile number: the signer must receive a code by SMS.',
  'signers.error.no_signer': 'Add at least one signer.',
  'signers.error.no_field': '{name} has no signature location: place one on the document.',
  // end signers
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
