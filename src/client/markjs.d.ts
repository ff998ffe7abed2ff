// mark.js ships no types for its dist files; src/client/mark.ts types what the search theme uses.
declare module 'mark.js/dist/mark.min.js' {
  const Mark: unknown;
  export default Mark;
}
