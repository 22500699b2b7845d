import { z } from 'zod';

/** `POST /api/v3/token` success (reference §2): token_type and scope may be missing; expires_in may be text. */
export const tokenResponse = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
  scope: z.string().optional(),
});

export const oauthErrorBody = z.looseObject({ error: z.string(), error_description: z.string().optional() });

/** `{ErrorType, ErrorNumbers, ErrorMessage}`; an empty ErrorMessage on success is possible (reference §6). */
export const avErrorBody = z.looseObject({
  ErrorType: z.string().nullish(),
  ErrorNumbers: z.union([z.array(z.union([z.number(), z.string()])), z.number(), z.string()]).nullish(),
  ErrorMessage: z.string().nullish(),
});

/** ASP.NET's own error shape (`{"Message": …}`), e.g. for 401, 404 and 500. */
export const aspNetErrorBody = z.looseObject({ Message: z.string() });

const company = z
  .looseObject({ Id: z.union([z.string(), z.number()]), Description: z.string().nullish(), Code: z.string().nullish() })
  .transform((c) => ({ id: String(c.Id).trim(), code: (c.Code ?? '').trim(), description: (c.Description ?? '').trim() }));

/** `GET /api/v3/companies` (GO `types.go`); one company may arrive as a bare object, like rows do. */
export const companiesResponse = z.union([z.array(company), company.transform((c) => [c])]);

/** A read or write response: table name → rows; the table key comes first (reference §6). */
export const tableResponse = z.record(z.string(), z.unknown());

// Row-schema helpers for callers. Rows reach schemas already normalised: strings trimmed, datetimes as Date.

/** A datetime column: `Date`, or null for AccountView's empty date `""`. */
export const avDate = z.union([z.date(), z.literal('').transform(() => null), z.null()]);

/** A numeric column; numbers usually, numeric text tolerated. */
export const avNumber = z.union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);

/** A logical column; booleans usually, VFP-style text tolerated. */
export const avBoolean = z.union([
  z.boolean(),
  z
    .string()
    .regex(/^(true|false|\.t\.|\.f\.|1|0)$/i)
    .transform((v) => /^(true|\.t\.|1)$/i.test(v)),
]);

/** A character column, empty allowed; trimmed already. */
export const avText = z.string();
