import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import { noJsxText } from './eslintNoJsxText.mjs';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
});

tester.run('cx/no-jsx-text', noJsxText, {
  valid: [
    'const a = <h1>{t("personas.title")}</h1>;',
    'const a = <p>{count} · {total}</p>;',
    'const a = <span>—</span>;',
    'const a = <span>{"%"}</span>;',
    'const a = <div className="toolbar panel" data-testid="persona-card" />;',
    'const a = <input placeholder={t("x")} aria-label={t("y")} />;',
    'const a = <Icon size={14} />;',
    'const a = <p>{open ? t("a") : t("b")}</p>;',
    'const a = <p>{`${n}/${m}`}</p>;',
    'const a = <option value="en">{name}</option>;',
  ],
  invalid: [
    { code: 'const a = <h1>Personas</h1>;', errors: [{ messageId: 'text' }] },
    { code: 'const a = <p>Ceci est écrit à la main</p>;', errors: [{ messageId: 'text' }] },
    { code: 'const a = <p>ペルソナ</p>;', errors: [{ messageId: 'text' }] },
    { code: 'const a = <p>{"Hello"}</p>;', errors: [{ messageId: 'text' }] },
    { code: 'const a = <p>{open ? "Hide details" : "Details"}</p>;', errors: [{ messageId: 'text' }] },
    { code: 'const a = <p>{busy && "Saving…"}</p>;', errors: [{ messageId: 'text' }] },
    { code: 'const a = <p>{`${n} personas`}</p>;', errors: [{ messageId: 'text' }] },
    { code: 'const a = <button aria-label="Dismiss" />;', errors: [{ messageId: 'attribute' }] },
    { code: 'const a = <img alt="Persona photo" />;', errors: [{ messageId: 'attribute' }] },
    { code: 'const a = <input placeholder={"Search personas"} />;', errors: [{ messageId: 'attribute' }] },
    { code: 'const a = <ConfirmDialog confirmLabel="Delete" title={ok ? "Sure?" : t("x")} />;', errors: [{ messageId: 'attribute' }, { messageId: 'attribute' }] },
  ],
});
