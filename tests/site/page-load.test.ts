import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { dependencyModule } from '../../plugins/page-load/index.js';

const require = createRequire(import.meta.url);

describe('plugins/page-load: the dependency modules it replaces', () => {
  it('matches the resolved module exactly, not a module beside it', () => {
    const path = require.resolve('@docusaurus/core/lib/client/browserContext.js');
    const pattern = dependencyModule('@docusaurus/core/lib/client/browserContext.js');
    expect(pattern.test(path)).toBe(true);
    expect(pattern.test(path.replace('browserContext.js', 'browserContext.jsx'))).toBe(false);
    expect(pattern.test(path.replace('browserContext.js', 'browserContextXjs'))).toBe(false);
  });

  it('fails, naming the module, when an upgrade has moved it', () => {
    expect(() => dependencyModule('@docusaurus/core/lib/client/browserContextMoved.js')).toThrow(
      'plugins/page-load replaces @docusaurus/core/lib/client/browserContextMoved.js, which is no longer there: check src/client/ against the new version of its package',
    );
  });
});
