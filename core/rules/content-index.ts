import type { Rule } from './types.js';
import { structureSections } from './structure-sections.js';
import { diagramSyntax } from './diagram-syntax.js';
import { shellSyntax } from './shell-syntax.js';
import { noSecrets } from './no-secrets.js';
import { noRawScript } from './no-raw-script.js';
import { dangerUnmarked } from './danger-unmarked.js';
import { codeLang } from './code-lang.js';
import { shellPrompt } from './shell-prompt.js';
import { remarkLintRecommended } from './remark-lint-recommended.js';

/** Rules about what breaks a procedure in practice: structure, diagrams, shell, secrets, script in docs, destructive commands. */
export const contentRules: Rule[] = [structureSections, diagramSyntax, shellSyntax, noSecrets, noRawScript, dangerUnmarked, codeLang, shellPrompt, remarkLintRecommended];
