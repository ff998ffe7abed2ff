import type { Reporter } from './types.js';

/**
 * `--format sarif`: a SARIF 2.1.0 log (GitHub code scanning, IDE viewers).
 * Paths are relative URIs against `%SRCROOT%`.
 */
export const sarif: Reporter = (input) => {
  const ruleIds = [...new Set([...input.rules.map((r) => r.id), ...input.diagnostics.map((d) => d.ruleId)])].sort();
  const descriptions = new Map(input.rules.map((r) => [r.id, r.description]));
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'handbook',
            informationUri: 'https://handbook.internal/docs/',
            rules: ruleIds.map((id) => ({
              id,
              shortDescription: { text: descriptions.get(id) ?? id },
            })),
          },
        },
        results: input.diagnostics.map((d) => ({
          ruleId: d.ruleId,
          ruleIndex: index.get(d.ruleId),
          level: d.severity === 'error' ? 'error' : 'warning',
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(input.displayPath ? input.displayPath(d.file) : d.file), uriBaseId: '%SRCROOT%' },
                region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
