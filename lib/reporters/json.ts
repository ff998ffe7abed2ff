import { summarise, type Reporter } from './types.js';

/**
 * `--format json`: exactly one JSON object,
 * `{"diagnostics":[{file,line,column,endLine,endColumn,severity,ruleId,message}],"summary":{files,errors,warnings,outside?}}`;
 * `outside` (when counted): `{links, routes: {"/blog": 9}, checked: ["/docs"]}`, the links to routes outside every checked route.
 */
export const json: Reporter = (input) =>
  JSON.stringify({
    diagnostics: input.diagnostics.map(({ file, line, column, endLine, endColumn, severity, ruleId, message }) => ({
      file,
      line,
      column,
      endLine,
      endColumn,
      severity,
      ruleId,
      message,
    })),
    summary: summarise(input),
  }) + '\n';
