import { useEffect, useState } from 'react';
import { cutMessage, limitCounter, pasteOutcome } from '../../../common/textLimit';
import { showToast } from './toast';

type Limited = HTMLInputElement | HTMLTextAreaElement;

// Input types whose text a paste goes into and `maxlength` applies to.
const textTypes = new Set(['text', 'search', 'url', 'tel', 'email', 'password']);

function limited(target: EventTarget | null): Limited | null {
  if (target instanceof HTMLTextAreaElement) return target.maxLength > 0 ? target : null;
  if (target instanceof HTMLInputElement && textTypes.has(target.type)) return target.maxLength > 0 ? target : null;
  return null;
}

interface Counter { text: string; full: boolean; left: number; top: number }

function counterFor(el: Limited): Counter | null {
  const text = limitCounter(el.value.length, el.maxLength);
  if (!text) return null;
  const box = el.getBoundingClientRect();
  return { text, full: el.value.length >= el.maxLength, left: box.right, top: box.bottom };
}

/**
 * Every field with a length limit, app-wide, in one place: a counter under the focused field once
 * it is near its limit, and a toast when a paste (or a drop) brought more than fits, saying how much
 * the browser cut. Fields keep their plain `maxLength`; nothing has to opt in.
 */
export function LimitWatch() {
  const [counter, setCounter] = useState<Counter | null>(null);
  useEffect(() => {
    const update = () => {
      const el = limited(document.activeElement);
      setCounter(el ? counterFor(el) : null);
    };
    const warn = (el: Limited, text: string) => {
      const outcome = pasteOutcome({
        text, valueLength: el.value.length, selectionLength: Math.abs((el.selectionEnd ?? 0) - (el.selectionStart ?? 0)),
        max: el.maxLength, multiline: el instanceof HTMLTextAreaElement,
      });
      if (outcome.cut > 0) showToast(cutMessage(outcome, el.maxLength), { ms: 8000 });
    };
    const onPaste = (e: ClipboardEvent) => {
      const el = limited(e.target);
      if (el && e.clipboardData) warn(el, e.clipboardData.getData('text/plain'));
    };
    const onDrop = (e: DragEvent) => {
      const el = limited(e.target);
      // A drop inserts at the caret without replacing the selection.
      if (el && e.dataTransfer) warn(el, e.dataTransfer.getData('text/plain'));
    };
    document.addEventListener('paste', onPaste, true);
    document.addEventListener('drop', onDrop, true);
    document.addEventListener('input', update, true);
    document.addEventListener('focusin', update, true);
    document.addEventListener('focusout', update, true);
    window.addEventListener('scroll', update, true);
    window.addEventListener('resize', update);
    return () => {
      document.removeEventListener('paste', onPaste, true);
      document.removeEventListener('drop', onDrop, true);
      document.removeEventListener('input', update, true);
      document.removeEventListener('focusin', update, true);
      document.removeEventListener('focusout', update, true);
      window.removeEventListener('scroll', update, true);
      window.removeEventListener('resize', update);
    };
  }, []);
  if (!counter) return null;
  return (
    <div className={`limit-counter${counter.full ? ' limit-full' : ''}`} data-testid="limit-counter" aria-hidden="true"
      style={{ left: counter.left, top: counter.top }}>
      {counter.text}
    </div>
  );
}
