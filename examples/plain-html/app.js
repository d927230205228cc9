// The page's own script: a file (script-src 'self'), no inline script. Properties that are not
// attributes (documents, signers, fields, me, contacts, signerRoles, layoutStore) are set from JavaScript.
const el = document.querySelector('jse-sign-request');
const status = document.getElementById('status');
const error = document.getElementById('error');

el.signers = [{ id: 'client', email: 'marie.martin@example.fr', firstName: 'Marie', lastName: 'Martin', phone: '+33612345678' }];
el.addEventListener('jse-ready', (event) => {
  status.textContent = `${event.detail.documentName}: ${event.detail.pageCount} page(s)`;
});
el.addEventListener('jse-pending', (event) => console.log('request created', event.detail.request.id));
el.addEventListener('jse-signed', (event) => console.log('signed', event.detail.signedDocumentUrl));
el.addEventListener('jse-error', (event) => {
  error.textContent = `${event.detail.code}: ${event.detail.message}`;
  error.hidden = false;
});
