/**
 * The read-only copy of an on-screen editor that a PNG is taken of. Editors are made of controls —
 * inputs that cut long text to one line, drag handles, "+ Add" and "×" buttons, scrollbars — none of
 * which belong on a client-ready image. The copy keeps the editor's geometry (same width, same grid)
 * and swaps each control for what it shows: a field for its text (wrapping), a select for the chosen
 * option, a slider for a bar, a colour input for a swatch; buttons go, except those marked
 * `data-export="keep"` (a map card, a flow-step chip), which become plain text.
 *
 * The copy sits next to the original (so the feature's scoped CSS still applies) but out of sight,
 * in a zero-size host, with the class `exporting`, which `exports.css` uses to hide the rest (evidence pop-ups, resize
 * handles, placeholders) and to let clipped titles and chart labels show in full.
 */

/** Elements that are controls only and are left out of the copy. */
const dropSelector = [
  'button:not([data-export="keep"])', 'input[type="file"]', 'input[type="radio"]', 'input[type="hidden"]',
  '[data-export="hide"]', '.react-resizable-handle', '.react-flow__handle',
].join(', ');

/** Computed properties a text stand-in copies from the field it replaces, so it reads the same. */
const textProps = [
  'font-family', 'font-size', 'font-weight', 'font-style', 'line-height', 'letter-spacing', 'color', 'text-align',
  'padding-top', 'padding-right', 'padding-bottom', 'padding-left', 'flex-grow', 'flex-shrink', 'direction',
] as const;

/** A copy being captured; `dispose` removes it from the page. */
export interface ExportClone {
  node: HTMLElement;
  dispose(): void;
}

/**
 * Builds the read-only copy of `node` at its current width and puts it in the page out of sight.
 * `style` is applied to the copy (the flow uses it to bring its diagram to the origin). `fonts`, a
 * font-family value, sets all of the copy's text in those fonts (exports.css reads `--export-fonts`).
 */
export function createExportClone(node: HTMLElement, style: Partial<Record<string, string>> = {}, fonts?: string): ExportClone {
  const clone = node.cloneNode(true) as HTMLElement;
  const originals = [node, ...node.querySelectorAll<HTMLElement>('*')];
  const copies = [clone, ...clone.querySelectorAll<HTMLElement>('*')];
  // Read every computed value before the copy changes anything: the two lists are in step.
  const swaps: (() => void)[] = [];
  originals.forEach((el, i) => {
    const copy = copies[i];
    if (!copy) return;
    const computed = getComputedStyle(el);
    if (computed.position === 'sticky') swaps.push(() => { copy.style.position = 'relative'; copy.style.top = 'auto'; copy.style.left = 'auto'; });
    const swap = standIn(el, computed);
    if (swap !== undefined) swaps.push(() => (swap ? copy.replaceWith(swap) : copy.remove()));
  });
  originals.forEach((el, i) => {
    const copy = copies[i];
    if (copy && el.dataset.exportDrop === 'last-column') swaps.push(dropLastColumn(el, copy));
  });
  // The scroll position is the editor's, not the image's: the copy starts at the top left.
  swaps.forEach((s) => s());
  // A terse mark on screen (an evidence badge's "A", explained on hover) says its meaning in full.
  for (const el of clone.querySelectorAll<HTMLElement>('[data-export-text]')) el.textContent = el.dataset.exportText ?? '';
  clone.querySelectorAll(dropSelector).forEach((el) => el.remove());
  for (const b of clone.querySelectorAll<HTMLElement>('button')) b.replaceWith(asText(b));

  clone.classList.add('exporting');
  clone.removeAttribute('id');
  Object.assign(clone.style, {
    position: 'absolute', left: '0', top: '0', width: `${node.offsetWidth}px`,
    maxHeight: 'none', maxWidth: 'none', overflow: 'visible', ...style,
  });
  if (fonts) clone.style.setProperty('--export-fonts', fonts);
  // The copy is hidden by a zero-size host rather than moved far off-screen: Chromium paints an
  // element placed far outside the viewport blank when html-to-image draws it.
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  Object.assign(host.style, { position: 'fixed', left: '0', top: '0', width: '0', height: '0', overflow: 'hidden', pointerEvents: 'none' });
  host.appendChild(clone);
  (node.parentElement ?? document.body).appendChild(host);
  for (const box of clone.querySelectorAll<HTMLElement>('[data-export-fit]')) shrinkToFit(box);
  return { node: clone, dispose: () => host.remove() };
}

/**
 * A grid marked `data-export-drop="last-column"` (the journey map, whose last column only holds
 * "+ Stage") loses that column in the copy, with every cell in it, so the image ends at the last stage.
 * Cells are placed automatically, so which are in the column is read from where they are on screen;
 * cells pinned to the left edge (sticky row headers) belong to the first column wherever they are
 * scrolled to. Returns the change to make once every computed value has been read.
 */
function dropLastColumn(grid: HTMLElement, copy: HTMLElement): () => void {
  const tracks = getComputedStyle(grid).gridTemplateColumns.split(' ').map((t) => parseFloat(t));
  if (tracks.length < 2 || tracks.some((t) => !Number.isFinite(t))) return () => undefined;
  const kept = tracks.slice(0, -1);
  const keptWidth = kept.reduce((a, b) => a + b, 0);
  const lastStart = grid.getBoundingClientRect().left + keptWidth;
  const cells = [...grid.children].map((child, i) => {
    const c = getComputedStyle(child);
    const pinned = c.position === 'sticky' && c.left !== 'auto';
    return !pinned && child.getBoundingClientRect().left >= lastStart - 0.5 ? copy.children[i] : undefined;
  }).filter((c): c is Element => c !== undefined);
  return () => {
    cells.forEach((c) => c.remove());
    copy.style.gridTemplateColumns = kept.map((t) => `${t}px`).join(' ');
    copy.style.width = `${keptWidth}px`;
  };
}

/**
 * Text that wraps takes more lines than a field that cut it, and a box of the canvas keeps its size,
 * so a box marked `data-export-fit` whose content now overflows has its content zoomed out until it
 * fits (to no less than 55%): the whole text shows, smaller, rather than being cut at the edge.
 */
function shrinkToFit(box: HTMLElement): void {
  const parts = [...box.children].filter((c): c is HTMLElement => c instanceof HTMLElement);
  const fits = (zoom: number) => {
    for (const p of parts) p.style.zoom = String(zoom);
    return box.scrollHeight <= box.clientHeight + 1 && box.scrollWidth <= box.clientWidth + 1;
  };
  if (fits(1)) return;
  // The largest zoom that fits, to within 1/64, by bisection (each step is one layout of the box).
  let lo = minZoom;
  let hi = 1;
  while (hi - lo > 1 / 64) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  fits(lo);
}

const minZoom = 0.55;

/**
 * What replaces a control in the copy: an element, `null` to leave it out, or `undefined` to keep it
 * as it is (it is not a control).
 */
function standIn(el: HTMLElement, computed: CSSStyleDeclaration): HTMLElement | null | undefined {
  if (el instanceof HTMLTextAreaElement) return textFor(el, el.value, computed);
  if (el instanceof HTMLSelectElement) {
    const text = el.selectedOptions[0]?.textContent ?? '';
    return el.value === '' && /^\+/.test(text) ? null : textFor(el, text, computed);
  }
  if (!(el instanceof HTMLInputElement)) return undefined;
  switch (el.type) {
    case 'range': return rangeBar(el, computed);
    case 'color': return swatch(el.value);
    case 'checkbox': return textFor(el, el.checked ? '☑' : '☐', computed);
    case 'file': case 'radio': case 'hidden': return null;
    default: return textFor(el, el.value, computed);
  }
}

/** A block of text styled like the field it stands for, wrapping instead of cutting. */
function textFor(el: HTMLElement, text: string, computed: CSSStyleDeclaration): HTMLElement {
  const div = document.createElement('div');
  div.className = `${el.className} export-text`.trim();
  div.textContent = text;
  for (const p of textProps) div.style.setProperty(p, computed.getPropertyValue(p));
  // A field that does not grow in a row keeps its width; one that fills its row or block fills it too.
  const parentDisplay = el.parentElement ? getComputedStyle(el.parentElement).display : 'block';
  if (parentDisplay.includes('flex') && computed.flexGrow === '0') div.style.width = computed.width;
  // One that grows shares its row with what follows it (an evidence badge) instead of taking a line.
  else if (parentDisplay.includes('flex')) div.style.flexBasis = '0';
  return div;
}

/** A slider as a bar filled to its value. */
function rangeBar(el: HTMLInputElement, computed: CSSStyleDeclaration): HTMLElement {
  const min = Number(el.min || 0);
  const max = Number(el.max || 100);
  const share = max > min ? Math.min(1, Math.max(0, (Number(el.value) - min) / (max - min))) : 0;
  const bar = document.createElement('div');
  bar.className = 'export-range';
  bar.style.flexGrow = computed.flexGrow;
  bar.style.minWidth = computed.minWidth;
  const fill = document.createElement('div');
  fill.style.width = `${Math.round(share * 100)}%`;
  bar.appendChild(fill);
  return bar;
}

/** A colour input as the colour. */
function swatch(colour: string): HTMLElement {
  const span = document.createElement('span');
  span.className = 'export-swatch';
  span.style.background = colour;
  return span;
}

/** A kept button's content as a plain element with the button's classes. */
function asText(b: HTMLElement): HTMLElement {
  const div = document.createElement('div');
  div.className = `${b.className} export-text`.trim();
  div.append(...b.childNodes);
  return div;
}
