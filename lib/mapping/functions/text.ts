import { SandboxStop } from '../sandbox';
import { MapperFunctionError } from './errors';

/**
 * Fits text into an AccountView character column of `width`: whitespace runs (line breaks too) become one space,
 * then the text is cut at `width` characters, never inside a character made of two UTF-16 units.
 */
export function trimTo(value: string | number | boolean | undefined, width: number): string | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(width) || width < 0) throw new MapperFunctionError('$trimTo: the width must be a whole number of 0 or more');
  const text = String(value).replace(/\s+/g, ' ').trim();
  const chars = Array.from(text);
  return chars.length <= width ? text : chars.slice(0, width).join('').trimEnd();
}

/**
 * JSONata's `$pad` with a size check first: the original builds the padding in one go, so `$pad("", 300000000)`
 * allocates 300 MB before any limit could look at it. Same semantics otherwise (width < 0 pads on the left).
 */
export function padWithin(maxLength: number) {
  return (value: string | undefined, width: number, char?: string): string | undefined => {
    if (value === undefined) return undefined;
    const fill = char === undefined || char === '' ? ' ' : char;
    const target = Math.abs(Math.trunc(width));
    const missing = target - Array.from(value).length;
    if (missing <= 0) return value;
    if (target > maxLength) throw new SandboxStop('string', `$pad: a width of ${target} is above the limit of ${maxLength} characters`);
    const padding = fill.length === 1 ? fill.repeat(missing) : Array.from(fill.repeat(missing)).slice(0, missing).join('');
    return width > 0 ? value + padding : padding + value;
  };
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text placed into an HTML target (a BigCommerce product description): shown as written, never run as
 * markup or script on the storefront. Plain-text targets (names, SKUs) take the text unescaped.
 */
export function escapeHtml(value: string | number | boolean | undefined): string | undefined {
  if (value === undefined) return undefined;
  return String(value).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}
