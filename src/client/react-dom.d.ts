// React DOM ships no types and @types/react-dom is not a dependency: src/client/staged-entry.ts only evaluates the module.
declare module 'react-dom/client';
