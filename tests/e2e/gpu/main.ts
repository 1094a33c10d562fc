// Test page: runs the fused-vs-composed comparison in a module worker and shows the JSON result.
const worker = new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module' });
const out = document.getElementById('out')!;
worker.onmessage = (e: MessageEvent<unknown>) => {
  out.textContent = JSON.stringify(e.data);
  out.dataset.done = '1';
};
worker.onerror = (e) => {
  out.textContent = JSON.stringify({ error: e.message || 'worker failed' });
  out.dataset.done = '1';
};
