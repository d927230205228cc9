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
  // viewer (issue 6)
  'viewer.region': 'Pages du document',
  'viewer.zoomIn': 'Zoom avant',
  'viewer.zoomOut': 'Zoom arrière',
  'viewer.fitWidth': 'Ajuster à la largeur',
  'viewer.zoomLevel': '{percent} %',
  'viewer.pageCounterLabel': 'Page {page} sur {count}',
  // end viewer
  // page that cannot be drawn (review)
  'viewer.pageFailed': 'La page {page} ne peut pas être affichée.',
  // end page that cannot be drawn
  // loading (issue 5)
  'load.tooLargeUnknownSize':
    'Le document dépasse la limite de {limit}. Enregistrez-en une version plus légère (PDF compressé, ou scindé en plusieurs fichiers), puis ouvrez-la.',
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
  'error.document_too_large':
    'Le document pèse {size} ; la limite est de {limit}. Enregistrez-en une version plus légère (PDF compressé, ou scindé en plusieurs fichiers), puis ouvrez-la.',
  'error.generic': 'Une erreur est survenue : {detail}',
  'error.internal_error':
    'Le module de signature a rencontré une erreur interne ({detail}). Rechargez la page ; si l’erreur se reproduit, signalez-la à l’éditeur de votre GED.',
  'error.assets_unavailable':
    'Le lecteur de documents ne peut pas démarrer : un de ses fichiers est introuvable ({url}). Votre document n’est pas en cause ; signalez-le à l’éditeur de votre logiciel (il doit servir le dossier pdfjs/ du composant ou appeler configure()).',
  // placement (issue 7)
  'field.label': 'Signature de {name}, page {page}',
  'field.labelUnnamed': 'Signature du signataire {n}, page {page}',
  'field.signerUnnamed': 'Signataire {n}',
  'field.reassign': 'Signataire de cette signature',
  'field.delete': 'Supprimer la signature',
  'field.add': 'Ajouter une signature sur cette page',
  'field.hint': 'Flèches : déplacer (Maj : par 10 points). Alt + flèches : redimensionner. Suppr : supprimer. Échap : annuler un glisser.',
  'field.outsidePage': 'La signature {n} dépasse de la page {page} : déplacez-la dans la page.',
  // field kinds (issue 15)
  'kind.signature': 'Signature',
  'kind.initials': 'Paraphe',
  'kind.date': 'Date',
  'kind.mention': 'Mention manuscrite',
  'kind.text': 'Texte',
  'toolbar.kind': 'Type de champ à placer',
  'toolbar.addKind': '+ {kind}',
  'toolbar.addKindLabel': 'Ajouter un champ « {kind} » sur la page {page}',
  'field.add.kind': 'Ajouter un champ « {kind} » sur cette page',
  'field.labelKind': '{kind} de {name}, page {page}',
  'field.labelKindUnnamed': '{kind} du signataire {n}, page {page}',
  'field.kind': 'Type de ce champ',
  'field.mentionText': 'Mots que le signataire écrit',
  'field.textLabel': 'Ce que le signataire saisit',
  'field.mentionDefault': 'Lu et approuvé',
  'field.textDefault': 'Texte libre',
  'field.captionMention': 'Mention « {text} »',
  'field.captionText': 'Texte : {label}',
  'field.captionDate': 'Date (jj/mm/aaaa)',
  'send.error.missingText': 'Une mention de la page {page} n’a pas de texte : saisissez les mots à écrire.',
  'send.error.missingLabel': 'Un champ texte de la page {page} n’a pas d’intitulé : dites ce que le signataire doit saisir.',
  // end placement
  // snapping and typed position (issue 15)
  'field.props': 'Position et taille (mm)',
  'field.props.x': 'Gauche',
  'field.props.y': 'Haut',
  'field.props.width': 'Largeur',
  'field.props.height': 'Hauteur',
  'field.hintSnap': 'Glissé, un champ s’aligne sur les bords des autres champs et sur les marges (Alt : librement).',
  'field.props.range': 'Valeur refusée : saisissez entre {min} et {max} mm (le champ garde sa taille minimale et reste dans la page).',
  // end snapping and typed position
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
  'signers.confirm.title': 'Retirer {name} ?',
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
  'signers.error.required.phone': 'Saisissez le numéro de mobile : il reçoit le code SMS qui confirme l’identité du signataire.',
  'signers.error.invalid_email': 'Adresse e-mail invalide (exemple : nom@cabinet.fr).',
  'signers.error.duplicate_email': 'Cette adresse e-mail est déjà celle d’un autre signataire.',
  'signers.error.invalid_phone': 'Numéro invalide pour le pays choisi.',
  'signers.error.not_mobile': 'Ce numéro n’est pas un mobile : le signataire doit recevoir un code par SMS.',
  'signers.error.no_signer': 'Ajoutez au moins un signataire.',
  'signers.error.no_field': '{name} n’a aucun emplacement de signature : placez-en un sur le document.',
  // end signers
  // sending (issue 9)
  'toolbar.addField': '+ Signature',
  'toolbar.addFieldLabel': 'Ajouter une signature sur la page {page}',
  'send.button': 'Envoyer pour signature',
  'send.blocked': "Impossible d’envoyer pour l’instant :",
  'send.error.outsidePage': 'Un emplacement de signature dépasse de la page {page} : déplacez-le dans la page.',
  'send.confirm.titleOne': 'Envoyer à 1 signataire ?',
  'send.confirm.titleMany': 'Envoyer à {count} signataires ?',
  'send.confirm.document': 'Document : {name}',
  'send.confirm.fieldsOne': '{name} — 1 emplacement de signature',
  'send.confirm.fieldsMany': '{name} — {count} emplacements de signature',
  'send.confirm.message': 'Message aux signataires : {message}',
  'send.confirm.noMessage': 'Pas de message aux signataires.',
  'send.confirm.send': 'Envoyer',
  'send.confirm.back': 'Modifier',
  'send.progress.percent': 'Envoi du document… {percent} %',
  'send.progress.indeterminate': 'Envoi en cours…',
  'send.sent': 'Demande envoyée : chaque signataire va recevoir un e-mail.',
  'send.locked.title': "L’envoi n’a pas pu être confirmé",
  'send.locked.body':
    'La connexion a été interrompue : la demande a peut-être été créée. Réessayez (aucun doublon ne sera créé) ou abandonnez cet envoi.',
  'send.locked.retry': 'Réessayer',
  'send.locked.abandon': 'Abandonner',
  'send.abandoned': "Envoi abandonné. Avant d’envoyer à nouveau, vérifiez dans Jesignexpert que la demande n’existe pas déjà.",
  'send.retry': 'Réessayer',
  'send.error.invalid_request': 'La demande contient des erreurs : corrigez les champs signalés.',
  'send.error.forbidden': "Vous n’avez pas le droit d’envoyer ce document en signature.",
  'send.error.not_found': 'Le document est introuvable dans la GED.',
  'send.error.conflict': 'Le document a changé dans la GED depuis son ouverture : rouvrez-le avant de l’envoyer.',
  'send.error.rate_limited': 'Trop de demandes en peu de temps : réessayez dans un instant.',
  'send.error.upstream_unavailable': 'Jesignexpert ne répond pas pour le moment. Votre brouillon est conservé : réessayez.',
  'send.error.network': 'La connexion a échoué. Votre brouillon est conservé : réessayez.',
  'send.error.token_failed': 'La GED n’a pas pu ouvrir de session de signature. Réessayez ; si cela persiste, reconnectez-vous à la GED.',
  'send.error.not_connected': 'Votre compte Jesignexpert n’est plus connecté : reconnectez-le.',
  'send.error.document': 'Jesignexpert refuse ce document : {detail}',
  'connect.title': 'Connecter Jesignexpert',
  'connect.body':
    'Pour envoyer des demandes de signature, liez une fois votre compte Jesignexpert à la GED. Votre document et votre brouillon restent ici.',
  'connect.button': 'Connecter Jesignexpert',
  'connect.waiting': 'Connectez-vous dans la fenêtre Jesignexpert ; la suite se fera automatiquement.',
  'connect.blocked': 'Le navigateur a bloqué la fenêtre de connexion.',
  'connect.openTab': 'Ouvrir la connexion Jesignexpert dans un nouvel onglet',
  'connect.done': 'Compte Jesignexpert connecté.',
  'account.error': 'Le service de signature est injoignable : {detail}',
  // end sending
  // status (issue 10)
  'status.region': 'Suivi de la demande de signature',
  'status.loading': 'Chargement de la demande de signature…',
  'status.title.pending': 'En attente de signature',
  'status.title.signed': 'Document signé',
  'status.title.refused': 'Signature refusée',
  'status.title.expired': 'Demande expirée',
  'status.title.cancelled': 'Demande annulée',
  'status.document': 'Document : {name}',
  'status.sentAt': 'Envoyée le {date}',
  'status.signers': 'Signataires',
  'status.signer.waiting': 'En attente de signature',
  'status.signer.signed': 'A signé le {date}',
  'status.signer.refused': 'A refusé de signer',
  'status.next.pending':
    'Les signataires ont reçu un e-mail pour consulter le document et le signer (avec un code reçu par SMS). Cette page se met à jour dès que chacun signe.',
  'status.next.signed': 'Tous les signataires ont signé. Vous pouvez télécharger le document signé.',
  'status.next.refused': '{name} a refusé de signer : la demande est close. Pour faire signer ce document, préparez une nouvelle demande.',
  'status.next.refusedUnknown': 'Un signataire a refusé de signer : la demande est close. Pour faire signer ce document, préparez une nouvelle demande.',
  'status.next.expired':
    'Le délai de signature est écoulé avant que tous les signataires aient signé : la demande est close. Pour faire signer ce document, préparez une nouvelle demande.',
  'status.next.cancelled': 'Cette demande a été annulée : les signataires ne peuvent plus signer. Vous pouvez préparer une nouvelle demande.',
  'status.download': 'Télécharger le document signé',
  'status.downloading': 'Téléchargement…',
  'status.downloadFailed': 'Le téléchargement du document signé a échoué : {detail}',
  'status.signedFileName': '{name} (signé).pdf',
  'status.newRequest': 'Préparer une nouvelle demande',
  'status.cancel': 'Annuler la demande',
  'status.cancelling': 'Annulation en cours…',
  'status.confirm.title': 'Annuler la demande de signature ?',
  'status.confirm.body': 'Les signataires ne pourront plus signer ce document. Cette action est définitive.',
  'status.confirm.yes': 'Oui, annuler la demande',
  'status.confirm.no': 'Non, la garder',
  'status.trouble': 'Le service de signature ne répond pas ; nouvelle tentative automatique…',
  'status.retry': 'Réessayer',
  'status.announce.signerSigned': '{name} a signé.',
  'status.announce.signed': 'Tous les signataires ont signé. Le document signé est disponible.',
  'status.announce.refused': 'La demande a été refusée.',
  'status.announce.expired': 'La demande a expiré.',
  'status.announce.cancelled': 'La demande a été annulée.',
  'status.error.not_found': 'Cette demande de signature est introuvable.',
  'status.error.forbidden': 'Vous n’avez pas accès à cette demande de signature.',
  'status.error.not_connected': 'Votre compte Jesignexpert n’est pas connecté.',
  'status.error.conflict': 'La demande ne peut plus être annulée : elle n’est plus en attente.',
  'status.error.unavailable': 'Le service de signature ne répond pas. Réessayez dans un instant.',
  'status.error.noRequest': 'Aucune demande de signature n’est suivie.',
  'status.error.notCancellable': 'Seule une demande en attente de signature peut être annulée.',
  'status.error.noEndpoint': 'Le suivi de la demande n’est pas configuré (token-endpoint manquant).',
  // end status
  // layouts kept per kind of document (issue 16)
  'layout.offer': 'Reprendre la mise en page du dernier document « {kind} » ?',
  'layout.detail': 'Envoyée le {date} avec « {name} » : {fields}.',
  'layout.detailUndated': 'Envoyée avec « {name} » : {fields}.',
  'layout.fields.one': '1 champ',
  'layout.fields.other': '{count} champs',
  'layout.accept': 'Reprendre la mise en page',
  'layout.dismiss': 'Non merci',
  'layout.applied.one': 'Mise en page reprise : 1 champ placé.',
  'layout.applied.other': 'Mise en page reprise : {count} champs placés.',
  'layout.dropped.one': '1 champ n’a pas été repris : ce document a moins de pages.',
  'layout.dropped.other': '{count} champs n’ont pas été repris : ce document a moins de pages.',
  'layout.fillSigners': 'Renseignez les signataires ajoutés sans coordonnées.',
  'layout.failed': 'La mise en page n’a pas pu être reprise : placez les champs à la main.',
  // end layouts
} as const;

export type MessageKey = keyof typeof fr;
export type Catalogue = Record<MessageKey, string>;

export const en: Catalogue = {
  'toolbar.label': 'Signature request',
  'doc.loading': 'Loading the document…',
  'doc.noSource': 'No document to show.',
  'doc.pageLabel': 'Page {page} of {count}',
  'doc.pageCounter': '{page} / {count}',
  // viewer (issue 6)
  'viewer.region': 'Document pages',
  'viewer.zoomIn': 'Zoom in',
  'viewer.zoomOut': 'Zoom out',
  'viewer.fitWidth': 'Fit to width',
  'viewer.zoomLevel': '{percent}%',
  'viewer.pageCounterLabel': 'Page {page} of {count}',
  // end viewer
  // page that cannot be drawn (review)
  'viewer.pageFailed': 'Page {page} cannot be displayed.',
  // end page that cannot be drawn
  // loading (issue 5)
  'load.tooLargeUnknownSize':
    'The document is over the {limit} limit. Save a lighter version (a compressed PDF, or split into several files), then open it.',
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
  'error.document_too_large':
    'The document is {size}; the limit is {limit}. Save a lighter version (a compressed PDF, or split into several files), then open it.',
  'error.generic': 'Something went wrong: {detail}',
  'error.internal_error':
    'The signing widget hit an internal error ({detail}). Reload the page; if it happens again, report it to your GED vendor.',
  'error.assets_unavailable':
    'The document viewer cannot start: one of its files cannot be loaded ({url}). Your document is fine; tell your software’s vendor (they must serve the component’s pdfjs/ folder or call configure()).',
  // placement (issue 7)
  'field.label': 'Signature of {name}, page {page}',
  'field.labelUnnamed': 'Signature of signer {n}, page {page}',
  'field.signerUnnamed': 'Signer {n}',
  'field.reassign': 'Signer of this signature',
  'field.delete': 'Delete the signature',
  'field.add': 'Add a signature on this page',
  'field.hint': 'Arrows: move (Shift: by 10 points). Alt + arrows: resize. Delete: remove. Escape: cancel a drag.',
  'field.outsidePage': 'Signature {n} lies outside page {page}: move it inside the page.',
  // field kinds (issue 15)
  'kind.signature': 'Signature',
  'kind.initials': 'Initials',
  'kind.date': 'Date',
  'kind.mention': 'Handwritten mention',
  'kind.text': 'Text',
  'toolbar.kind': 'Kind of field to place',
  'toolbar.addKind': '+ {kind}',
  'toolbar.addKindLabel': 'Add a “{kind}” field on page {page}',
  'field.add.kind': 'Add a “{kind}” field on this page',
  'field.labelKind': '{kind} for {name}, page {page}',
  'field.labelKindUnnamed': '{kind} for signer {n}, page {page}',
  'field.kind': 'Kind of this field',
  'field.mentionText': 'Words the signer writes',
  'field.textLabel': 'What the signer types',
  'field.mentionDefault': 'Read and approved',
  'field.textDefault': 'Free text',
  'field.captionMention': 'Mention “{text}”',
  'field.captionText': 'Text: {label}',
  'field.captionDate': 'Date (dd/mm/yyyy)',
  'send.error.missingText': 'A mention on page {page} has no words: type what the signer must write.',
  'send.error.missingLabel': 'A text field on page {page} has no label: say what the signer must type.',
  // end placement
  // snapping and typed position (issue 15)
  'field.props': 'Position and size (mm)',
  'field.props.x': 'Left',
  'field.props.y': 'Top',
  'field.props.width': 'Width',
  'field.props.height': 'Height',
  'field.hintSnap': 'Dragged, a field lines up with the other fields’ edges and the margins (Alt: freely).',
  'field.props.range': 'Value refused: enter between {min} and {max} mm (the field keeps its minimum size and stays on the page).',
  // end snapping and typed position
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
  // sending (issue 9)
  'toolbar.addField': '+ Signature',
  'toolbar.addFieldLabel': 'Add a signature on page {page}',
  'send.button': 'Send for signature',
  'send.blocked': 'This cannot be sent yet:',
  'send.error.outsidePage': 'A signature field goes past the edge of page {page}: move it inside the page.',
  'send.confirm.titleOne': 'Send to 1 signer?',
  'send.confirm.titleMany': 'Send to {count} signers?',
  'send.confirm.document': 'Document: {name}',
  'send.confirm.fieldsOne': '{name} — 1 signature field',
  'send.confirm.fieldsMany': '{name} — {count} signature fields',
  'send.confirm.message': 'Message to the signers: {message}',
  'send.confirm.noMessage': 'No message to the signers.',
  'send.confirm.send': 'Send',
  'send.confirm.back': 'Edit',
  'send.progress.percent': 'Uploading the document… {percent}%',
  'send.progress.indeterminate': 'Sending…',
  'send.sent': 'Request sent: each signer will receive an e-mail.',
  'send.locked.title': 'The send could not be confirmed',
  'send.locked.body':
    'The connection was interrupted: the request may have been created. Retry (no duplicate will be created) or abandon this send.',
  'send.locked.retry': 'Retry',
  'send.locked.abandon': 'Abandon',
  'send.abandoned': 'Send abandoned. Before sending again, check in Jesignexpert that the request does not already exist.',
  'send.retry': 'Retry',
  'send.error.invalid_request': 'The request has errors: correct the fields shown.',
  'send.error.forbidden': 'You are not allowed to send this document for signature.',
  'send.error.not_found': 'The document cannot be found in the GED.',
  'send.error.conflict': 'The document changed in the GED since it was opened: open it again before sending.',
  'send.error.rate_limited': 'Too many requests in a short time: try again in a moment.',
  'send.error.upstream_unavailable': 'Jesignexpert is not answering right now. Your draft is kept: try again.',
  'send.error.network': 'The connection failed. Your draft is kept: try again.',
  'send.error.token_failed': 'The GED could not open a signing session. Try again; if it persists, sign in to the GED again.',
  'send.error.not_connected': 'Your Jesignexpert account is no longer linked: link it again.',
  'send.error.document': 'Jesignexpert refuses this document: {detail}',
  'connect.title': 'Link Jesignexpert',
  'connect.body':
    'To send signature requests, link your Jesignexpert account to the GED once. Your document and your draft stay here.',
  'connect.button': 'Link Jesignexpert',
  'connect.waiting': 'Sign in in the Jesignexpert window; the rest happens by itself.',
  'connect.blocked': 'The browser blocked the sign-in window.',
  'connect.openTab': 'Open the Jesignexpert sign-in in a new tab',
  'connect.done': 'Jesignexpert account linked.',
  'account.error': 'The signing service cannot be reached: {detail}',
  // end sending
  // status (issue 10)
  'status.region': 'Signature request follow-up',
  'status.loading': 'Loading the signature request…',
  'status.title.pending': 'Awaiting signature',
  'status.title.signed': 'Document signed',
  'status.title.refused': 'Signature refused',
  'status.title.expired': 'Request expired',
  'status.title.cancelled': 'Request cancelled',
  'status.document': 'Document: {name}',
  'status.sentAt': 'Sent on {date}',
  'status.signers': 'Signers',
  'status.signer.waiting': 'Awaiting signature',
  'status.signer.signed': 'Signed on {date}',
  'status.signer.refused': 'Refused to sign',
  'status.next.pending':
    'The signers have received an e-mail to review the document and sign it (with a code sent by SMS). This page updates as soon as each of them signs.',
  'status.next.signed': 'All signers have signed. You can download the signed document.',
  'status.next.refused': '{name} refused to sign: the request is closed. To have this document signed, prepare a new request.',
  'status.next.refusedUnknown': 'A signer refused to sign: the request is closed. To have this document signed, prepare a new request.',
  'status.next.expired':
    'The signing period ended before every signer had signed: the request is closed. To have this document signed, prepare a new request.',
  'status.next.cancelled': 'This request was cancelled: the signers can no longer sign. You can prepare a new request.',
  'status.download': 'Download the signed document',
  'status.downloading': 'Downloading…',
  'status.downloadFailed': 'The signed document could not be downloaded: {detail}',
  'status.signedFileName': '{name} (signed).pdf',
  'status.newRequest': 'Prepare a new request',
  'status.cancel': 'Cancel the request',
  'status.cancelling': 'Cancelling…',
  'status.confirm.title': 'Cancel the signature request?',
  'status.confirm.body': 'The signers will no longer be able to sign this document. This cannot be undone.',
  'status.confirm.yes': 'Yes, cancel the request',
  'status.confirm.no': 'No, keep it',
  'status.trouble': 'The signing service is not answering; retrying automatically…',
  'status.retry': 'Try again',
  'status.announce.signerSigned': '{name} has signed.',
  'status.announce.signed': 'All signers have signed. The signed document is available.',
  'status.announce.refused': 'The request was refused.',
  'status.announce.expired': 'The request expired.',
  'status.announce.cancelled': 'The request was cancelled.',
  'status.error.not_found': 'This signature request cannot be found.',
  'status.error.forbidden': 'You do not have access to this signature request.',
  'status.error.not_connected': 'Your Jesignexpert account is not linked.',
  'status.error.conflict': 'The request can no longer be cancelled: it is no longer awaiting signature.',
  'status.error.unavailable': 'The signing service is not answering. Try again in a moment.',
  'status.error.noRequest': 'No signature request is being followed.',
  'status.error.notCancellable': 'Only a request awaiting signature can be cancelled.',
  'status.error.noEndpoint': 'Following the request is not configured (token-endpoint is missing).',
  // end status
  // layouts kept per kind of document (issue 16)
  'layout.offer': 'Reuse the layout of the last “{kind}” document?',
  'layout.detail': 'Sent on {date} with “{name}”: {fields}.',
  'layout.detailUndated': 'Sent with “{name}”: {fields}.',
  'layout.fields.one': '1 field',
  'layout.fields.other': '{count} fields',
  'layout.accept': 'Reuse the layout',
  'layout.dismiss': 'No thanks',
  'layout.applied.one': 'Layout reused: 1 field placed.',
  'layout.applied.other': 'Layout reused: {count} fields placed.',
  'layout.dropped.one': '1 field was not reused: this document has fewer pages.',
  'layout.dropped.other': '{count} fields were not reused: this document has fewer pages.',
  'layout.fillSigners': 'Fill in the signers added without details.',
  'layout.failed': 'The layout could not be reused: place the fields by hand.',
  // end layouts
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
  // A no-break space: "10" and "Mo" never end up on two lines.
  return `${text}\u00a0${units[unit]}`;
}
