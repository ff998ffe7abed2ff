// react-dom ships no types and @types/react-dom is not installed; the one function the tests use.
declare module 'react-dom/server' {
  export function renderToStaticMarkup(element: import('react').ReactNode): string;
}
