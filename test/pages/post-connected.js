window.parent.postMessage({ type: 'jse:connected' }, '*');
document.body.textContent = 'posted';
