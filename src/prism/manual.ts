// Read by prismjs/components/prism-core when it loads: never highlight the
// page by itself (React renders the tokens) and no web worker handler.
(globalThis as { Prism?: unknown }).Prism = { manual: true, disableWorkerMessageHandler: true };
export {};
