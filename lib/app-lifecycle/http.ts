import { logger } from '@/lib/logger';
import { describeCallbackError } from './errors';
import { errorPage, signInPage } from '@/lib/html-pages';
import type { SignIn } from './callbacks';
import { lifecycleDeps, type LifecycleDeps } from './deps';

type Callback<T> = (deps: LifecycleDeps, params: URLSearchParams) => Promise<T>;

const noStore = { 'Cache-Control': 'no-store' };

/** For callbacks a person's browser makes (install, load): an HTML page either way. */
export async function respondWithPage(
  request: Request,
  callback: Callback<SignIn>,
  deps?: LifecycleDeps,
): Promise<Response> {
  const name = callback.name;
  try {
    const result = await callback(deps ?? (await lifecycleDeps()), new URL(request.url).searchParams);
    logger().info({ storeHash: result.storeHash, userId: result.userId, callback: name }, 'callback succeeded');
    return new Response(signInPage(result.ticket, result.next), {
      status: 200,
      headers: { 'Content-Type': 'text/html; charset=utf-8', ...noStore },
    });
  } catch (error) {
    const problem = describeCallbackError(error);
    if (!problem) throw error;
    logger().warn({ callback: name, code: problem.code, status: problem.status }, problem.title);
    return new Response(errorPage(problem.status, problem.code, problem.title, problem.hint), {
      status: problem.status,
      headers: { 'Content-Type': 'text/html; charset=utf-8', ...noStore },
    });
  }
}

/** For callbacks BigCommerce's servers make (uninstall, remove_user): JSON either way. */
export async function respondWithJson<T extends { storeHash: string }>(
  request: Request,
  callback: Callback<T>,
  deps?: LifecycleDeps,
): Promise<Response> {
  const name = callback.name;
  try {
    const result = await callback(deps ?? (await lifecycleDeps()), new URL(request.url).searchParams);
    logger().info({ storeHash: result.storeHash, callback: name }, 'callback succeeded');
    return Response.json({ ok: true, ...result }, { headers: noStore });
  } catch (error) {
    const problem = describeCallbackError(error);
    if (!problem) throw error;
    logger().warn({ callback: name, code: problem.code, status: problem.status }, problem.title);
    return Response.json(
      { ok: false, error: { code: problem.code, message: problem.title, hint: problem.hint } },
      { status: problem.status, headers: noStore },
    );
  }
}
