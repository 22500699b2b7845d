'use server';

import { z } from 'zod';
import { searchArticles, type ChoiceList } from '@/lib/choice-lists';
import { requireStoreSession } from '@/lib/session';

const term = z.string().trim().min(1).max(50);

/**
 * AccountView articles whose code or description contains what the merchant typed (one page of at most
 * 200), from the session's own store's administration: the article pickers load only the first 200.
 */
export async function searchArticlesAction(search: unknown): Promise<ChoiceList> {
  const session = await requireStoreSession();
  const parsed = term.safeParse(search);
  if (!parsed.success) return { ok: false, choices: [], message: 'Type part of an article code or description (at most 50 characters).', hint: '' };
  return searchArticles(session.storeHash, parsed.data);
}
