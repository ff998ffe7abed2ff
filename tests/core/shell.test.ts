import { describe, expect, it } from 'vitest';
import { shellStatements, staticWords, unexpandedSpans } from '../../core/shell.js';
import { paramsUsed } from '../../core/index.js';

describe('shellStatements', () => {
  it('splits on operators outside quotes and substitutions, with the nesting of each command', () => {
    const script = [
      'cd /opt/app', // 0
      'x=$(grep -c "a;b" f || true); echo "n: $x" | tee log', // 1
      'if systemctl is-active --quiet app; then', // 2
      "  echo 'up; really'", // 3
      'fi',
      'psql <<SQL', // 5
      'select 1; select 2;',
      'SQL',
      'test -s f && echo ok || echo missing # a comment; not split', // 8
    ].join('\n');
    expect(shellStatements(script).map((s) => [s.line, s.before, s.text, s.after, s.depth])).toEqual([
      [0, '', 'cd /opt/app', '', 0],
      [1, '', 'x=$(grep -c "a;b" f || true)', ';', 0],
      [1, ';', 'echo "n: $x"', '|', 0],
      [1, '|', 'tee log', '', 0],
      [2, '', 'if systemctl is-active --quiet app', ';', 1],
      [3, '', "echo 'up; really'", '', 1],
      [5, '', 'psql <<SQL', '', 0],
      [8, '', 'test -s f', '&&', 0],
      [8, '&&', 'echo ok', '||', 0],
      [8, '||', 'echo missing', '', 0],
    ]);
  });
});

describe('staticWords', () => {
  it('removes quotes and marks every expansion', () => {
    expect(staticWords(`echo "v1: $(systemctl is-active v1 || true)" 'a $b' c\\ d \${X}y`)).toEqual(['echo', 'v1: \u0000', 'a $b', 'c d', '\u0000y']);
  });
});

describe('unexpandedSpans', () => {
  it('finds single-quoted text and comments, not double-quoted text', () => {
    const script = `echo "it's $A" '$B' # $C`;
    expect(unexpandedSpans(script).map(([s, e]) => script.slice(s, e))).toEqual(["'$B'", '# $C']);
  });

  it("reads a here-document's body as expanded unless its delimiter is quoted", () => {
    const script = "psql <<SQL\nSELECT '$A';\nSQL\npsql <<'SQL'\nSELECT '$B';\nSQL\necho '$C'";
    expect(unexpandedSpans(script).map(([s, e]) => script.slice(s, e))).toEqual(["SELECT '$B';\n", "'$C'"]);
  });
});

describe('paramsUsed', () => {
  it('counts the guards ${NAME:?} and ${NAME?} as uses, and nothing else but $NAME and ${NAME}', () => {
    expect(paramsUsed('rm -f "${A:?set A}" "${B?}" "$C" "${D}" "${E:-x}" env.F', ['A', 'B', 'C', 'D', 'E', 'F'])).toEqual(['A', 'B', 'C', 'D']);
  });
});
