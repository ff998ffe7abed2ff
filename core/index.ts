/**
 * The handbook's pure core: parse a document into the model shared by the
 * remark plugin, the validator, the export and the runner. No fs, no React,
 * no Docusaurus runtime.
 */
export { parseDoc, type ParseDocOptions } from './parse.js';
export { parseMarkdown, formatOf, type MarkdownFormat } from './markdown.js';
export { createHeadingAnchors, parseClassicHeadingId } from './headings.js';
export { createLineIndex, type LineIndex } from './position.js';
export type * from './types.js';
export { summaryOf, isDocModel } from './summary.js';
export { routeOf, routeInputsOf, docsFoldersOf, folderOfPath, type DocRoute, type DocsFolder } from './routes.js';
export { runChecks, createCorpusIndex, routeOfDoc, defaultCheckInput, docPathOf, isReusable, type RunChecksOptions, type RuleResults, type Finding } from './check.js';
export { createDiagnostic, toJson, severityOf, compareDiagnostics, type Diagnostic, type DiagnosticJson, type Severity } from './diagnostics.js';
export { createSuppressions } from './suppression.js';
export { rules, isAlertRule } from './rules/index.js';
export type { Rule, AlertRule, AnyRule, CheckInput, FullCheckInput, CheckServices, DocRuleContext, CorpusIndex } from './rules/types.js';
export {
  extractProcedure,
  parseStepMeta,
  metaAsWritten,
  isStepLang,
  parseExpect,
  matchesExpect,
  parseDuration,
  splitConsole,
  paramsUsed,
  paramReference,
  idFromTitle,
  STEP_LANGS,
  type Step,
  type StepParam,
  type StepLang,
  type StepMeta,
  type StepMetaProblem,
  type Procedure,
} from './steps.js';
export { copyText, singleQuote, unsafeValue, paramValueProblem, readSecretLine, type CopyParam, type CopyProblem, type CopyResult } from './copy.js';
export { parseTagVocabulary, type TagVocabulary, type TagVocabularyResult } from './tags.js';
export {
  handbookConfigSchema,
  validateConfig,
  defaultConfig,
  knownRuleIds,
  ruleSettingOf,
  globProblem,
  normaliseRouteBasePath,
  CONFIG_FILE,
  RULE_SETTINGS,
  type HandbookConfig,
  type RuleSetting,
  type ConfigProblem,
} from './config.js';
export { parseJson, type JsonPath, type JsonParseResult } from './json.js';
