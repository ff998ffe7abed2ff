// prismjs ships no types for its component files; @types/prismjs types the instance.
declare module 'prismjs/components/prism-core' {
  import * as Prism from 'prismjs';
  export default Prism;
}
declare module 'prismjs/components/*';
