// react-dom ships no types and @types/react-dom is not installed: the one function the site uses.
declare module 'react-dom' {
  export function flushSync<R>(fn: () => R): R;
}
