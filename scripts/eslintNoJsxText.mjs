// ESLint rule `cx/no-jsx-text`: user-facing text written into JSX instead of coming from the
// message catalogue (renderer/src/i18n). Catches text between tags, string literals in `{…}`
// children (also inside `a ? 'x' : 'y'` and `a && 'x'`), template literals with words, and literal
// values of the attributes people read: aria-label, title, placeholder, alt, and props named
// `label`/`…Label`/`…Title`. Text with no letter (`·`, `—`, `%`, `/`) is not words and passes.

const letter = /\p{L}/u;
const readAttribute = /^(aria-label|aria-description|aria-valuetext|aria-roledescription|title|placeholder|alt|label|[a-z]+Label|[a-z]+Title)$/;

function wordsIn(node) {
  if (!node) return false;
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' && letter.test(node.value);
    case 'TemplateLiteral':
      return node.quasis.some((q) => letter.test(q.value.cooked ?? q.value.raw));
    case 'ConditionalExpression':
      return wordsIn(node.consequent) || wordsIn(node.alternate);
    case 'LogicalExpression':
      return wordsIn(node.right) || (node.operator !== '&&' && wordsIn(node.left));
    default:
      return false;
  }
}

export const noJsxText = {
  meta: {
    type: 'problem',
    docs: { description: 'User-facing text in JSX must come from the message catalogue (useT / FormattedMessage).' },
    messages: {
      text: 'Hard-coded text "{{text}}" in JSX: add it to renderer/src/i18n/messages/<area>/*.json and use t(…).',
      attribute: 'Hard-coded {{name}}="{{text}}": add it to renderer/src/i18n/messages/<area>/*.json and use t(…).',
    },
    schema: [],
  },
  create(context) {
    const short = (s) => (s.length > 40 ? `${s.slice(0, 40)}…` : s).trim();
    return {
      JSXText(node) {
        if (letter.test(node.value)) context.report({ node, messageId: 'text', data: { text: short(node.value) } });
      },
      JSXExpressionContainer(node) {
        if (node.parent?.type === 'JSXAttribute') return;
        if (wordsIn(node.expression)) context.report({ node, messageId: 'text', data: { text: short(context.sourceCode.getText(node.expression)) } });
      },
      JSXAttribute(node) {
        const name = node.name.type === 'JSXIdentifier' ? node.name.name : null;
        if (!name || !readAttribute.test(name) || !node.value) return;
        const value = node.value.type === 'JSXExpressionContainer' ? node.value.expression : node.value;
        if (wordsIn(value)) context.report({ node, messageId: 'attribute', data: { name, text: short(context.sourceCode.getText(value)) } });
      },
    };
  },
};

/** The local plugin: `plugins: { cx: cxPlugin }`, rule `cx/no-jsx-text`. */
export const cxPlugin = { rules: { 'no-jsx-text': noJsxText } };
