import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { applySpecExceptions } from './spec-exceptions';

/** Field errors in BigCommerce's V3 shape, e.g. `{ weight: 'Please provide a weight.' }`; null when valid. */
export type BodyCheck = (body: unknown) => Record<string, string> | null;

export interface BodyValidators {
  /** The spec's request-body check for a route, e.g. `('v3', 'POST', '/catalog/products')`; undefined when the spec has none. */
  find(version: string, method: string, routePath: string): BodyCheck | undefined;
  /** Webhook event scopes the webhooks spec documents, or null without specs. */
  webhookScopes(): readonly string[] | null;
}

type Json = Record<string, unknown>;

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export function defaultSpecsDir(): string {
  return process.env.BIGCOMMERCE_SPECS_DIR ?? path.resolve(REPO_ROOT, '../shared/specs/bigcommerce');
}

/** `/catalog/products/{product_id}` and `/catalog/products/:id` both become `/catalog/products/{}`. */
export function templateKey(version: string, method: string, routePath: string): string {
  const normalized = routePath.replace(/\{[^}]+\}/g, '{}').replace(/:[A-Za-z_]+/g, '{}');
  return `${version} ${method.toUpperCase()} ${normalized}`;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolveLocal(doc: Json, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = doc;
  for (const part of ref.slice(2).split('/')) {
    node = isObject(node) ? node[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  }
  return node;
}

/** OpenAPI 3.0 schemas are not quite JSON Schema: `nullable` and boolean exclusive bounds need translating. */
function toJsonSchema(node: unknown, formats: Set<string>): unknown {
  if (Array.isArray(node)) return node.map((n) => toJsonSchema(n, formats));
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'examples' || key === 'x-examples' || key === 'discriminator' || key === 'xml') continue;
    out[key] = toJsonSchema(value, formats);
  }
  if (typeof out.format === 'string') formats.add(out.format);
  // OpenAPI 3.0 keeps draft-4 boolean exclusive bounds; JSON Schema 2019+ wants the bound itself.
  for (const [flag, bound] of [['exclusiveMaximum', 'maximum'], ['exclusiveMinimum', 'minimum']] as const) {
    if (typeof out[flag] !== 'boolean') continue;
    if (out[flag] === true) out[flag] = out[bound];
    else delete out[flag];
    if (out[flag] !== undefined) delete out[bound];
  }
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else return { anyOf: [{ type: 'null' }, out] };
  } else {
    delete out.nullable;
  }
  return out;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** Turns ajv errors into BigCommerce's `errors: {field: message}`, one message per field. */
function fieldErrors(errors: readonly ErrorObject[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    // Branch errors of oneOf/anyOf repeat what the combinator says; keep the most specific ones only.
    const base = e.instancePath.split('/').filter(Boolean).join('.');
    if (e.keyword === 'required') {
      const missing = String((e.params as { missingProperty?: unknown }).missingProperty);
      const field = base ? `${base}.${missing}` : missing;
      out[field] ??= `Please provide ${article(missing)} ${missing}.`;
      continue;
    }
    const field = base || 'body';
    if (e.keyword === 'additionalProperties') {
      const extra = String((e.params as { additionalProperty?: unknown }).additionalProperty);
      out[base ? `${base}.${extra}` : extra] ??= 'This field is not allowed.';
      continue;
    }
    out[field] ??= `${field} ${e.message ?? 'is invalid'}.`;
  }
  return out;
}

const PARSE_CACHE = path.join(tmpdir(), 'bigcommerce-simulator-specs');

/**
 * Parsing the larger specs as YAML takes a second or more; the parsed JSON is kept in the temp folder,
 * keyed by the YAML's hash, so only the first run on a machine pays for it.
 */
function parseSpec(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  const cached = path.join(PARSE_CACHE, `${createHash('sha1').update(text).digest('hex')}.json`);
  try {
    return JSON.parse(readFileSync(cached, 'utf8')) as unknown;
  } catch {
    const doc = parse(text) as unknown;
    try {
      mkdirSync(PARSE_CACHE, { recursive: true });
      writeFileSync(cached, JSON.stringify(doc));
    } catch {
      // A read-only temp folder only costs speed.
    }
    return doc;
  }
}

interface Check {
  ref: string;
  fn?: ValidateFunction;
}

/** One spec file: indexed by a cheap text scan, parsed and compiled only when a route needs it. */
interface SpecFile {
  file: string;
  version: 'v2' | 'v3';
  loaded?: { checks: Map<string, Check>; scopes: string[] };
}

class SpecLibrary {
  private readonly ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  private readonly byPath = new Map<string, SpecFile>();
  private readonly files: SpecFile[] = [];

  constructor(private readonly dir: string) {
    addFormats(this.ajv);
    for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      const version = /\/stores\/\{store_hash\}\/v2\b/.test(text) ? 'v2' : 'v3';
      const spec: SpecFile = { file, version };
      this.files.push(spec);
      const pathsBlock = /^paths:\s*$([\s\S]*?)(?=^\S)/m.exec(text)?.[1] ?? '';
      for (const m of pathsBlock.matchAll(/^ {2}['"]?(\/[^'":\s]*)['"]?:\s*$/gm)) {
        this.byPath.set(templateKey(version, '', m[1] ?? ''), spec);
      }
    }
  }

  check(version: string, method: string, routePath: string): Check | undefined {
    const spec = this.byPath.get(templateKey(version, '', routePath));
    return spec && this.load(spec).checks.get(templateKey(version, method, routePath));
  }

  webhookScopes(): string[] {
    const spec = this.files.find((f) => f.file.startsWith('webhooks'));
    return spec ? this.load(spec).scopes : [];
  }

  compile(check: Check): ValidateFunction {
    check.fn ??= this.ajv.compile({ $ref: check.ref });
    return check.fn;
  }

  private load(spec: SpecFile): NonNullable<SpecFile['loaded']> {
    if (spec.loaded) return spec.loaded;
    const raw = parseSpec(path.join(this.dir, spec.file));
    const formats = new Set<string>();
    const doc = toJsonSchema(raw, formats) as Json;
    applySpecExceptions(spec.file, doc);
    for (const format of formats) if (!this.ajv.formats[format]) this.ajv.addFormat(format, true);
    const id = `bc-spec:${spec.file}`;
    this.ajv.addSchema({ ...doc, $id: id }, id);
    const checks = new Map<string, Check>();
    for (const [specPath, ops] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
      if (!isObject(ops)) continue;
      for (const method of ['post', 'put']) {
        const op = ops[method];
        if (!isObject(op) || !isObject(op.requestBody)) continue;
        const viaRef = typeof op.requestBody.$ref === 'string' ? op.requestBody.$ref : null;
        const body = viaRef ? resolveLocal(doc, viaRef) : op.requestBody;
        if (!isObject(body) || !isObject(body.content) || !isObject(body.content['application/json'])) continue;
        const escaped = specPath.replace(/~/g, '~0').replace(/\//g, '~1');
        const pointer = viaRef ? viaRef.slice(1) : `/paths/${escaped}/${method}/requestBody`;
        checks.set(templateKey(spec.version, method, specPath), { ref: `${id}#${pointer}/content/application~1json/schema` });
      }
    }
    const schemas = isObject(doc.components) && isObject(doc.components.schemas) ? Object.values(doc.components.schemas) : [];
    const scopes = schemas.flatMap((s) => (isObject(s) && typeof s.title === 'string' && /^store\/[\w/*]+$/.test(s.title) ? [s.title] : []));
    spec.loaded = { checks, scopes };
    return spec.loaded;
  }
}

const libraries = new Map<string, SpecLibrary | null>();

function libraryFor(dir: string): SpecLibrary | null {
  if (!libraries.has(dir)) {
    if (existsSync(dir)) {
      libraries.set(dir, new SpecLibrary(dir));
    } else {
      console.warn(`[bigcommerce-simulator] No OpenAPI specs in ${dir}: request bodies are not checked against the specs.`);
      libraries.set(dir, null);
    }
  }
  return libraries.get(dir) ?? null;
}

/** Spec files are parsed on first use, so starting a simulator stays fast for tests that never POST. */
export function loadBodyValidators(specsDir: string | null | undefined): BodyValidators {
  const dir = specsDir === null ? null : (specsDir ?? defaultSpecsDir());
  return {
    find(version, method, routePath) {
      const library = dir === null ? null : libraryFor(dir);
      const check = library?.check(version, method, routePath);
      if (!library || !check) return undefined;
      return (body) => {
        const fn = library.compile(check);
        return fn(body) ? null : fieldErrors(fn.errors ?? []);
      };
    },
    webhookScopes() {
      const library = dir === null ? null : libraryFor(dir);
      return library ? library.webhookScopes() : null;
    },
  };
}
