import { describe, expect, it } from 'vitest';
import { articleQuery, fieldsFor, normaliseEan } from '@/lib/flows/products/articles';
import { defaultProductFlowSettings } from '@/lib/flows/products';
import { mergeMapping } from '@/lib/mapping';
import { productMapping } from '@/lib/mapping/defaults/products';

describe('article reads', () => {
  it('reads only the columns the mapping names and the image file name, never the heavy image data unless asked', () => {
    const settings = defaultProductFlowSettings();
    const fields = fieldsFor(productMapping, settings);
    expect(fields).toEqual(['AG_CODE', 'ART_CODE', 'ART_DESC1', 'ART_DESC2', 'CNG_DATE', 'EAN_CODE', 'IMG_MEDIUM', 'MAIN_ART', 'PX_SELL', 'REC_BLK', 'UNIT_CODE', 'VAR_COLOR', 'VAR_SIZE', 'VAT_CODE', 'WEIGHT']);
    expect(fields).not.toContain('IMG_M_DATA');
    // Words in quotes and `$bindings` are not columns.
    const merged = mergeMapping(productMapping, { name: '"NEW " & ART_DESC2 & $string($vatRate)', search_keywords: 'IMG_MEDIUM.name' });
    expect(fieldsFor(merged, { ...settings, variantGroupField: '' })).toEqual(expect.arrayContaining(['IMG_MEDIUM']));
    expect(fieldsFor(merged, { ...settings, variantGroupField: '' })).not.toContain('NEW');
    expect(fieldsFor(merged, { ...settings, variantGroupField: '' })).not.toContain('MAIN_ART');
    // The option columns are read only when families are on, and the merchant's own ones.
    expect(fieldsFor(merged, { ...settings, variantGroupField: '' })).not.toContain('VAR_SIZE');
    expect(fieldsFor(productMapping, { ...settings, variantOptions: [{ field: 'MAAT', name: 'Maat' }] })).toEqual(expect.arrayContaining(['MAAT']));
    expect(fieldsFor(productMapping, { ...settings, variantOptions: [{ field: 'MAAT', name: 'Maat' }] })).not.toContain('VAR_SIZE');
  });

  it('filters on the change date only after the first run, and on the chosen article groups', () => {
    const settings = { ...defaultProductFlowSettings(), articleGroups: ['HELM'] };
    expect(articleQuery(settings, ['ART_CODE'], undefined).filters).toEqual([{ field: 'AG_CODE', operator: 'In', values: ['HELM'] }]);
    const since = new Date('2026-01-05T10:00:00Z');
    expect(articleQuery(settings, ['ART_CODE'], since).filters?.[0]).toEqual({ field: 'CNG_DATE', operator: 'DateOnOrAfterDate', value: since });
  });

  it('compares EAN-13 and GTIN-14 without leading zeros', () => {
    expect(normaliseEan('04003318123456')).toBe(normaliseEan('4003318123456'));
    expect(normaliseEan('')).toBe('');
    expect(normaliseEan('n/a')).toBe('');
  });
});
