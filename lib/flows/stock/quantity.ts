import { z } from 'zod';
import { avNumber, avText } from '@/lib/accountview';
import type { StockCalculation } from './settings';

/** The ARTICLE columns each calculation needs: reads ask for nothing more. */
export function stockFields(calculation: StockCalculation): string[] {
  switch (calculation) {
    case 'available':
      return ['ART_CODE', 'QTY_AVAIL'];
    case 'technical':
      return ['ART_CODE', 'QTY_TECH'];
    case 'available-plus-ordered':
      return ['ART_CODE', 'QTY_AVAIL', 'QTY_BESTEL'];
  }
}

/** The Inventory API refuses levels above this (reference §2.4); the whole batch would fail. */
const MAX_LEVEL = 2_147_483_647;

const quantity = avNumber.nullish().transform((n) => n ?? 0);

export const stockRow = z.object({
  ART_CODE: avText,
  QTY_AVAIL: quantity,
  QTY_TECH: quantity,
  QTY_BESTEL: quantity,
});
export type StockRow = z.output<typeof stockRow>;

/**
 * The level BigCommerce gets: a whole number, never below zero. AccountView allows fractions (2 decimals)
 * and negative stock (oversold); BigCommerce's inventory is whole units and refuses negatives.
 */
export function quantityOf(row: StockRow, calculation: StockCalculation): number {
  const raw = calculation === 'technical' ? row.QTY_TECH : calculation === 'available' ? row.QTY_AVAIL : row.QTY_AVAIL + row.QTY_BESTEL;
  return Math.min(MAX_LEVEL, Math.max(0, Math.floor(raw + 1e-9)));
}
