'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { AccountViewCompanyNotFoundError } from '@/lib/accountview';
import { chooseCompany, withAccountView } from '@/lib/accountview-connection';
import { requireStoreSession } from '@/lib/session';

const form = z.object({ code: z.string().trim().min(1, 'Choose the administration the app should use.').max(32) });

export type ChooseCompanyResult = { ok: true } | { ok: false; field?: string; message: string; hint?: string };

export async function chooseAccountViewCompany(formData: FormData): Promise<ChooseCompanyResult> {
  const session = await requireStoreSession();
  const parsed = form.safeParse({ code: formData.get('code') ?? '' });
  if (!parsed.success) return { ok: false, field: 'code', message: parsed.error.issues[0]?.message ?? 'Invalid company code' };
  try {
    const result = await withAccountView(session.storeHash, () => chooseCompany(session.storeHash, parsed.data.code));
    if (!result.ok) return { ok: false, message: result.problem.message, hint: result.problem.hint };
  } catch (error) {
    if (error instanceof AccountViewCompanyNotFoundError) return { ok: false, field: 'code', message: error.userMessage, hint: error.hint };
    throw error;
  }
  revalidatePath('/');
  return { ok: true };
}
