import { RegExpParser, visitRegExpAST } from '@eslint-community/regexpp';

/**
 * Flags an unbounded quantifier inside another one (star height above one), e.g.
 * `(<!--[\s\S]*?-->\s*)*`: when the inner parts can match the same text in more than one way
 * the engine tries them all, exponentially. eslint-plugin-regexp proves most such cases, but not
 * when the ambiguity spans multi-character sequences, as in that example; this rule does not try
 * to prove anything and asks for a linear scan or a bounded pattern instead.
 */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'disallow unbounded quantifiers nested in unbounded quantifiers' },
    schema: [],
    messages: {
      nested:
        'Unbounded quantifier `{{inner}}` inside unbounded `{{outer}}` can backtrack exponentially; scan by hand or bound it.',
    },
  },
  create(context) {
    const parser = new RegExpParser({ ecmaVersion: 2024 });
    function check(node, pattern, flags) {
      let ast;
      try {
        ast = parser.parsePattern(pattern, 0, pattern.length, { unicode: flags.includes('u'), unicodeSets: flags.includes('v') });
      } catch {
        return;
      }
      const open = [];
      const reported = new Set();
      visitRegExpAST(ast, {
        onQuantifierEnter(q) {
          if (q.max === Infinity) {
            const outer = open.at(-1);
            if (outer && !reported.has(outer)) {
              reported.add(outer);
              context.report({ node, messageId: 'nested', data: { inner: q.raw, outer: outer.raw } });
            }
            open.push(q);
          }
        },
        onQuantifierLeave(q) {
          if (q.max === Infinity) open.pop();
        },
      });
    }
    return {
      Literal(node) {
        if (node.regex) check(node, node.regex.pattern, node.regex.flags);
      },
    };
  },
};
