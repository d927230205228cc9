import { expect } from '@open-wc/testing';
import { wasmAllowedBy } from '../../src/document/pdfjs.js';

describe('WebAssembly under a Content-Security-Policy (pure)', () => {
  it('is allowed without a policy, or when script-src/default-src allows it', () => {
    expect(wasmAllowedBy(null)).to.equal(true);
    expect(wasmAllowedBy("img-src 'self'")).to.equal(true);
    expect(wasmAllowedBy("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'")).to.equal(true);
    expect(wasmAllowedBy("default-src 'self' 'unsafe-eval'")).to.equal(true);
  });

  it("is refused by the strict policy of SPEC §5 and by any policy lacking 'wasm-unsafe-eval'", () => {
    expect(wasmAllowedBy("default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self'")).to.equal(false);
    expect(wasmAllowedBy("default-src 'self'")).to.equal(false);
    // script-src wins over default-src
    expect(wasmAllowedBy("default-src 'self' 'wasm-unsafe-eval'; script-src 'self'")).to.equal(false);
    // every policy must allow it
    expect(wasmAllowedBy("script-src 'self' 'wasm-unsafe-eval', script-src 'self'")).to.equal(false);
  });
});
