import type { CheckServices } from '../../core/index.js';
import { shellSyntax } from './shell-syntax.js';
import { mermaidSyntax } from './mermaid.js';

export { shellSyntax, mermaidSyntax };

/** The services the CLI and the build plugin give rules by default. */
export function defaultServices(): CheckServices {
  return { shellSyntax, mermaidSyntax };
}
