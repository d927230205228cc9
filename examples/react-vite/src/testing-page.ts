// Runs the testing guide's example (docs/testing.md, copied verbatim into testing-guide.ts) and shows
// how it ended: scripts/check-examples.mjs opens this page and waits for "passed".
const status = document.getElementById('testing-status')!;
try {
  await import('./testing-guide.ts');
  status.textContent = 'passed';
} catch (error) {
  status.textContent = `failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}
